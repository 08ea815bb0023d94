#!/bin/sh
# run-asterisk.sh BASE_DIR CONFIG_DIR [asterisk options...]
#
# Runs the relocatable Asterisk 22.10.1 (pjproject 2.17) bundle from wherever it was extracted.
#   BASE_DIR    the bundle's root (where this script, sbin/, lib/ are); runtime state goes to BASE_DIR/var/...
#   CONFIG_DIR  the directory with the .conf files (e.g. the hotline's telephony/ files). Its own asterisk.conf,
#               if any, is NOT used: this script writes BASE_DIR/asterisk.conf (directories below) and passes it
#               with -C. Extra [options] can be put in BASE_DIR/asterisk-options.conf (appended under [options]).
#   options     passed to asterisk; default "-f" (foreground). Examples:
#                 run-asterisk.sh /srv/ast /etc/hotline -f -vvv            # run in the foreground
#                 run-asterisk.sh /srv/ast /etc/hotline -rx "queue show"   # talk to the running one
#                 run-asterisk.sh /srv/ast /etc/hotline -r                 # remote console
# Directories (all under BASE_DIR): modules lib/asterisk/modules; data+varlib+db+keys var/lib/asterisk (sounds go to
# var/lib/asterisk/sounds/<lang>/..., music on hold to var/lib/asterisk/moh); spool var/spool/asterisk (MixMonitor
# recordings: var/spool/asterisk/monitor); logs var/log/asterisk; control socket + pid var/run/asterisk.
set -eu
[ $# -ge 2 ] || { sed -n '2,18p' "$0"; exit 2; }
BASE=$(cd "$1" && pwd)
CONF=$(cd "$2" && pwd)
shift 2
for d in var/run/asterisk var/spool/asterisk var/log/asterisk var/lib/asterisk/keys var/lib/asterisk/agi-bin \
         var/lib/asterisk/sounds var/lib/asterisk/moh var/cache/asterisk; do
  mkdir -p "$BASE/$d"
done
cat > "$BASE/asterisk.conf" <<CONF_EOF
; written by run-asterisk.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); edits are overwritten at the next start
[directories]
astetcdir => $CONF
astmoddir => $BASE/lib/asterisk/modules
astvarlibdir => $BASE/var/lib/asterisk
astdbdir => $BASE/var/lib/asterisk
astkeydir => $BASE/var/lib/asterisk
astdatadir => $BASE/var/lib/asterisk
astagidir => $BASE/var/lib/asterisk/agi-bin
astspooldir => $BASE/var/spool/asterisk
astrundir => $BASE/var/run/asterisk
astlogdir => $BASE/var/log/asterisk
astcachedir => $BASE/var/cache/asterisk
astsbindir => $BASE/sbin

[options]
documentation_language = en_US
CONF_EOF
[ -f "$BASE/asterisk-options.conf" ] && cat "$BASE/asterisk-options.conf" >> "$BASE/asterisk.conf"
LD_LIBRARY_PATH="$BASE/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
[ $# -gt 0 ] || set -- -f
exec "$BASE/sbin/asterisk" -C "$BASE/asterisk.conf" "$@"
