package io.vasgate.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void ipv4RangeContainsExactlyTheAddressesUnderItsPrefix() {
    CidrRange range = CidrRange.parse("10.1.0.0/16");

    assertThat(range.contains(ip("10.1.0.0"))).isTrue();
    assertThat(range.contains(ip("10.1.255.255"))).isTrue();
    assertThat(range.contains(ip("10.2.0.0"))).isFalse();
    assertThat(range.contains(ip("10.0.255.255"))).isFalse();
    assertThat(range.isIpv6()).isFalse();
    assertThat(range.prefixLength()).isEqualTo(16);
  }

  @Test
  void prefixNotOnAByteBoundaryIsHonoured() {
    CidrRange v4 = CidrRange.parse("192.168.0.0/23");
    assertThat(v4.contains(ip("192.168.1.255"))).isTrue();
    assertThat(v4.contains(ip("192.168.2.0"))).isFalse();

    CidrRange v6 = CidrRange.parse("2001:db8:8000::/33");
    assertThat(v6.contains(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(v6.contains(ip("2001:db8:7fff::1"))).isFalse();
  }

  @Test
  void bareAddressIsASingleHost() {
    CidrRange range = CidrRange.parse("192.0.2.7");

    assertThat(range.prefixLength()).isEqualTo(32);
    assertThat(range.contains(ip("192.0.2.7"))).isTrue();
    assertThat(range.contains(ip("192.0.2.8"))).isFalse();
    assertThat(CidrRange.parse("2001:db8::7").prefixLength()).isEqualTo(128);
  }

  @Test
  void ipv6RangeContainsItsAddressesAndNoIpv4Ones() {
    CidrRange range = CidrRange.parse("2001:db8::/32");

    assertThat(range.isIpv6()).isTrue();
    assertThat(range.contains(ip("2001:db8:ffff:1::42"))).isTrue();
    assertThat(range.contains(ip("2001:db9::"))).isFalse();
    assertThat(range.contains(ip("32.1.13.184"))).isFalse();
  }

  @Test
  void zeroPrefixMatchesEveryAddressOfItsOwnVersionOnly() {
    assertThat(CidrRange.parse("0.0.0.0/0").contains(ip("255.255.255.255"))).isTrue();
    assertThat(CidrRange.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
    assertThat(CidrRange.parse("::/0").contains(ip("ffff::1"))).isTrue();
    assertThat(CidrRange.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void ipv4MappedPeerIsMatchedByIpv4Range() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 20, 30, 40};
    InetAddress peer = InetAddress.getByAddress(mapped);

    assertThat(CidrRange.parse("10.0.0.0/8").contains(peer)).isTrue();
  }

  @Test
  void canonicalFormIsCompressedLowerCaseAndReadsBack() {
    CidrRange range = CidrRange.parse(" 2001:0DB8:0000:0000:0000:0000:0000:0000/64 ");

    assertThat(range).hasToString("2001:db8::/64");
    assertThat(CidrRange.parse(range.toString())).isEqualTo(range);
    assertThat(CidrRange.parse("192.0.2.1")).hasToString("192.0.2.1/32");
    assertThat(CidrRange.parse("::1")).hasToString("::1/128");
    assertThat(CidrRange.parse("1:0:0:2:0:0:0:3")).hasToString("1:0:0:2::3/128");
    assertThat(CidrRange.parse("::")).hasToString("::/128");
  }

  @Test
  void equalRangesAreEqualWhateverTheirSpelling() {
    assertThat(CidrRange.parse("2001:db8::/32"))
        .isEqualTo(CidrRange.parse("2001:0db8:0:0::/32"))
        .hasSameHashCodeAs(CidrRange.parse("2001:0db8:0:0::/32"))
        .isNotEqualTo(CidrRange.parse("2001:db8::/33"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/8",
        "10.0.0.0/",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/8/9",
        "10.0.0.0/x",
        "256.1.1.1",
        "10.0.0/8",
        "10.0.0.0.0",
        "010.0.0.0/8",
        "10.0.0.1/8",
        "localhost",
        "example.com/24",
        "::1/129",
        "2001:db8::1/32",
        "1::2::3",
        "fe80::1%eth0",
        "[::1]",
        "::ffff:10.0.0.0/104",
        "12345::/16"
      })
  void rejectsInvalidRangesNamingTheValue(String text) {
    assertThatThrownBy(() -> CidrRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void hostBitsErrorSuggestsTheNetwork() {
    assertThatThrownBy(() -> CidrRange.parse("10.0.0.1/8"))
        .hasMessageContaining("did you mean 10.0.0.0/8");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> CidrRange.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Property(tries = 500)
  void ipv4ContainmentAgreesWithIntegerArithmetic(
      @ForAll int network, @ForAll @IntRange(max = 32) int prefix, @ForAll int candidate)
      throws Exception {
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    CidrRange range = CidrRange.parse(dotted(network & mask) + "/" + prefix);
    // Half the candidates are forced inside the range so both outcomes are exercised.
    int inside = (network & mask) | (candidate & ~mask);

    assertThat(range.contains(InetAddress.getByAddress(bytes(candidate))))
        .isEqualTo((candidate & mask) == (network & mask));
    assertThat(range.contains(InetAddress.getByAddress(bytes(inside)))).isTrue();
  }

  @Property(tries = 300)
  void ipv6CanonicalFormReadsBackToTheSameRange(
      @ForAll long high, @ForAll long low, @ForAll @IntRange(max = 128) int prefix)
      throws Exception {
    byte[] address = new byte[16];
    for (int i = 0; i < 8; i++) {
      address[i] = (byte) (high >>> (56 - 8 * i));
      address[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    InetAddress host = InetAddress.getByAddress(address);
    // The network: the address with its host bits cleared, computed independently of CidrRange.
    BigInteger value = new BigInteger(1, address);
    BigInteger network = value.shiftRight(128 - prefix).shiftLeft(128 - prefix);
    byte[] networkBytes = new byte[16];
    byte[] raw = network.toByteArray();
    int copy = Math.min(16, raw.length);
    System.arraycopy(raw, raw.length - copy, networkBytes, 16 - copy, copy);
    InetAddress networkAddress = InetAddress.getByAddress(networkBytes);
    // Java turns IPv4-mapped addresses into IPv4 ones, which are not IPv6 ranges.
    Assume.that(host instanceof Inet6Address && networkAddress instanceof Inet6Address);
    CidrRange range = CidrRange.parse(networkAddress.getHostAddress() + "/" + prefix);

    assertThat(CidrRange.parse(range.toString())).isEqualTo(range);
    assertThat(range.contains(host)).isTrue();
  }

  private static String dotted(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xFF)
        + "."
        + ((address >>> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }

  private static byte[] bytes(int address) {
    return new byte[] {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
  }
}
