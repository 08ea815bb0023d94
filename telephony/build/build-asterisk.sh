#!/bin/sh
# build-asterisk.sh — builds the relocatable Asterisk 22.10.1 the real-PBX tests run, from Debian's own source
# package, for any x86_64 processor (menuselect's BUILD_NATIVE off), with only the modules telephony/ needs.
#
#   telephony/build/build-asterisk.sh            # prints the archive's path; builds it only when it is not cached
#
# Result: $HOTLINE_ASTERISK_CACHE (default ~/.cache/hotline-asterisk-22.10.1)/asterisk-22.10.1-generic-x86_64.tar.zst,
# the same layout as the shared bundle (asterisk-22.10.1/{run-asterisk.sh,sbin,lib,var}), started the same way:
#   asterisk-22.10.1/run-asterisk.sh BASE CONF [-f | -rx "command"]
# Idempotent: a second run finds the archive (stamped with this script's checksum) and only prints its path. A
# change to this script (another module, another flag) builds again.
# Needs (Debian 12, as root): apt-get install build-essential pkg-config curl xz-utils bzip2 zstd libedit-dev \
#   libjansson-dev libxml2-dev libsqlite3-dev uuid-dev libssl-dev libpq-dev libncurses-dev
# Builds with `nice` and $HOTLINE_ASTERISK_JOBS make jobs (default 2): 14 minutes measured on 2 busy shared cores.
set -eu

VERSION=22.10.1
DEBIAN_VERSION=22.10.1+dfsg+~cs6.17.60671434-1
UPSTREAM=${DEBIAN_VERSION%-*}
POOL=${HOTLINE_DEBIAN_POOL:-http://deb.debian.org/debian/pool/main/a/asterisk}
CACHE=${HOTLINE_ASTERISK_CACHE:-$HOME/.cache/hotline-asterisk-$VERSION}
JOBS=${HOTLINE_ASTERISK_JOBS:-2}
ARCHIVE=$CACHE/asterisk-$VERSION-generic-x86_64.tar.zst
STAMP=$ARCHIVE.stamp
HERE=$(cd "$(dirname "$0")" && pwd)
SCRIPT_SUM=$(cat "$HERE/build-asterisk.sh" "$HERE/run-asterisk.sh" | sha256sum | cut -d' ' -f1)

# The modules the shipped telephony/ configuration loads and its dialplan calls (modules.conf "require"s and what
# extensions.conf, pjsip.conf, queues.conf, confbridge.conf, extconfig.conf use), and what those depend on.
MODULES="
chan_pjsip
res_pjproject res_pjsip res_pjsip_session res_pjsip_sdp_rtp res_pjsip_registrar res_pjsip_pubsub
res_pjsip_authenticator_digest res_pjsip_outbound_authenticator_digest res_pjsip_outbound_registration
res_pjsip_endpoint_identifier_ip res_pjsip_endpoint_identifier_user res_pjsip_caller_id res_pjsip_rfc3326
res_pjsip_dtmf_info res_pjsip_refer res_pjsip_nat res_pjsip_logger res_pjsip_header_funcs res_pjsip_acl
res_pjsip_diversion res_pjsip_exten_state res_pjsip_dialog_info_body_generator res_pjsip_pidf_body_generator
res_pjsip_notify res_pjsip_empty_info res_pjsip_path res_pjsip_config_wizard
res_sorcery_config res_sorcery_memory res_sorcery_astdb res_sorcery_realtime res_sorcery_memory_cache
res_rtp_asterisk res_agi res_speech res_musiconhold res_config_pgsql res_realtime res_timing_timerfd
res_clioriginate res_format_attr_g729 res_manager_devicestate
pbx_config
app_queue app_mixmonitor app_confbridge app_chanspy app_read app_userevent app_dial app_playback app_stack
app_exec app_echo app_verbose app_senddtmf app_originate app_bridgewait app_transfer app_record app_softhangup
app_channelredirect app_while
bridge_simple bridge_native_rtp bridge_softmix bridge_holding bridge_builtin_features
bridge_builtin_interval_features
codec_ulaw codec_alaw codec_a_mu codec_g722 codec_resample
format_wav format_pcm format_sln
func_callerid func_strings func_channel func_logic func_cut func_global func_math func_db func_env func_uri
func_rand func_timeout func_hangupcause func_pjsip_endpoint func_pjsip_contact func_pjsip_aor func_devstate
func_groupcount func_periodic_hook func_volume func_sorcery func_base64 func_shell
"
CATEGORIES="MENUSELECT_ADDONS MENUSELECT_APPS MENUSELECT_BRIDGES MENUSELECT_CDR MENUSELECT_CEL MENUSELECT_CHANNELS
MENUSELECT_CODECS MENUSELECT_FORMATS MENUSELECT_FUNCS MENUSELECT_PBX MENUSELECT_RES MENUSELECT_TESTS MENUSELECT_UTILS
MENUSELECT_AGIS MENUSELECT_CORE_SOUNDS MENUSELECT_MOH MENUSELECT_EXTRA_SOUNDS"

if [ -f "$ARCHIVE" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$SCRIPT_SUM" ]; then
  echo "$ARCHIVE"
  exit 0
fi

started=$(date +%s)
WORK=$CACHE/work
rm -rf "$WORK"
mkdir -p "$WORK" "$CACHE/download"
cd "$CACHE/download"
# the .dsc names every tarball with its SHA-256; dpkg-source checks them while unpacking
DSC=asterisk_$DEBIAN_VERSION.dsc
curl -fsS --retry 3 -o "$DSC" "$POOL/$DSC" >&2
for file in $(awk '/^Files:/{f=1;next} /^[^ ]/{f=0} f{print $3}' "$DSC"); do
  [ -f "$file" ] || curl -fsS --retry 3 -o "$file" "$POOL/$file" >&2
done
dpkg-source --no-check -x "$DSC" "$WORK/src" >&2
# --no-check skips only the OpenPGP signature (no Debian keyring here); the checksums are still compared:
awk '/^Checksums-Sha256:/{f=1;next} /^[^ ]/{f=0} f{print $1"  "$3}' "$DSC" | sha256sum -c --quiet >&2
cd "$WORK/src"

# Debian's DFSG-clean pjproject component, packed as Asterisk's bundled-pjproject build expects it (debian/rules)
PJ=$(awk '/^export PJ_VERSION_MAJOR /{a=$NF} /^export PJ_VERSION_MINOR /{b=$NF} END{print a"."b}' Xpjproject/version.mak)
mkdir -p "$WORK/externals"
ln -s "$WORK/src/Xpjproject" "$WORK/externals/pjproject-$PJ"
(cd "$WORK/externals" && tar -chf - "pjproject-$PJ" | bzip2 --fast > "pjproject-$PJ.tar.bz2" \
  && rm "pjproject-$PJ" && md5sum "pjproject-$PJ.tar.bz2") > third-party/pjproject/pjproject-$PJ.tar.bz2.md5

nice -n 15 ./configure --prefix=/usr --sysconfdir=/etc --localstatedir=/var --with-pjproject-bundled \
  --with-externals-cache="$WORK/externals" --disable-xmldoc --without-dahdi --without-pri --without-ss7 \
  --without-gsm --without-ilbc --without-sdl --without-x11 --without-gtk2 >"$WORK/configure.log" 2>&1 \
  || { tail -40 "$WORK/configure.log" >&2; exit 1; }
nice -n 15 make menuselect.makeopts >"$WORK/menuselect.log" 2>&1
for category in $CATEGORIES; do
  menuselect/menuselect --disable-category "$category" menuselect.makeopts >/dev/null
done
menuselect/menuselect --disable BUILD_NATIVE menuselect.makeopts >/dev/null
for module in $MODULES; do
  menuselect/menuselect --enable "$module" menuselect.makeopts >/dev/null \
    || { echo "menuselect cannot enable $module" >&2; exit 1; }
done
nice -n 15 make -j"$JOBS" >"$WORK/make.log" 2>&1 || { tail -60 "$WORK/make.log" >&2; exit 1; }
STAGE=$WORK/stage
nice -n 15 make install DESTDIR="$STAGE" >"$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log" >&2; exit 1; }

# the relocatable layout of the shared bundle: sbin/, lib/ (shared libraries), lib/asterisk/modules, run-asterisk.sh
ROOT=$WORK/root/asterisk-$VERSION
mkdir -p "$ROOT/sbin" "$ROOT/lib/asterisk" "$ROOT/var/lib/asterisk"
cp -a "$STAGE/usr/sbin/asterisk" "$ROOT/sbin/"
ln -s asterisk "$ROOT/sbin/rasterisk"
LIBDIR=$(dirname "$(find "$STAGE/usr" -type d -path "*/asterisk/modules" | head -1)")/..
cp -a "$LIBDIR"/lib*.so* "$ROOT/lib/"
cp -a "$LIBDIR/asterisk/modules" "$ROOT/lib/asterisk/"
for module in $MODULES; do
  [ -f "$ROOT/lib/asterisk/modules/$module.so" ] || { echo "$module was not built (see $WORK/configure.log)" >&2; exit 1; }
done
strip --strip-unneeded "$ROOT/sbin/asterisk" "$ROOT"/lib/lib*.so.* "$ROOT"/lib/asterisk/modules/*.so
cp "$HERE/run-asterisk.sh" "$ROOT/run-asterisk.sh"
chmod 755 "$ROOT/run-asterisk.sh"
{
  echo "Asterisk $VERSION built by telephony/build/build-asterisk.sh from Debian's source package $DEBIAN_VERSION"
  echo "on $(date -u +%Y-%m-%dT%H:%M:%SZ), BUILD_NATIVE off (runs on any x86_64), bundled pjproject $PJ,"
  echo "modules: $(ls "$ROOT/lib/asterisk/modules" | wc -l)."
} > "$ROOT/README-BUNDLE.txt"
tar -C "$WORK/root" --zstd -cf "$ARCHIVE.part" "asterisk-$VERSION"
mv "$ARCHIVE.part" "$ARCHIVE"
echo "$SCRIPT_SUM" > "$STAMP"
rm -rf "$WORK"
echo "built in $(( $(date +%s) - started )) s: $ARCHIVE" >&2
echo "$ARCHIVE"
