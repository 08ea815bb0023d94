/**
 * Tests against the real Asterisk 22 of {@code ../shared/tools/asterisk}, and the harness for them, reusable by any
 * feature's tests:
 * <ul>
 * <li>{@link org.hotline12345.telephony.pbx.RealAsterisk} unpacks the bundle into {@code target/pbx/<name>}, copies
 * {@code telephony/} with only the installer's edits (free ports on 127.0.0.x, the AMI secret, HOTLINE_AGI, phone
 * passwords, an IP-authenticated carrier, recorded prompts), starts it and answers its trunk with a SIPp carrier;</li>
 * <li>{@link org.hotline12345.telephony.pbx.Sipp} runs SIPp (Debian's sip-tester) as a registered desk phone, a
 * citizen calling 12345 with RFC 2833 keys, or the carrier; scenario templates in {@code src/test/resources/sipp};</li>
 * <li>{@link org.hotline12345.telephony.pbx.RealAsteriskProfile} runs the test service connected to one such Asterisk
 * over AMI and FastAGI ({@link org.hotline12345.telephony.pbx.RealAsteriskResource#asterisk()} reaches it);</li>
 * <li>{@link org.hotline12345.telephony.pbx.AsteriskBundle#runnable()} is the classes' JUnit condition: skipped where
 * the bundle is absent (failed instead under CI=true) or cannot run on this processor.</li>
 * </ul>
 * Keep one Asterisk per test class at most; the profile shares one between all classes that use it.
 */
package org.hotline12345.telephony.pbx;
