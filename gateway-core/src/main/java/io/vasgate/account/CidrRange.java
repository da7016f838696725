package io.vasgate.account;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.1.0.0/16}, {@code 2001:db8::/32}), or a
 * single address ({@code 192.0.2.7} is {@code 192.0.2.7/32}), as written in an account's IP
 * allowlist.
 *
 * <p>Parsing is strict because an allowlist that silently means something else is a hole: only
 * address literals are accepted (never a host name, so parsing never touches DNS), IPv4 octets with
 * leading zeros are refused (some tools read them as octal), and so is an address with bits set
 * beyond its prefix ({@code 10.0.0.1/8}), which is usually a typo for a narrower range.
 *
 * <p>IPv4 ranges match only IPv4 peers and IPv6 ranges only IPv6 peers. Java already presents a
 * peer connecting to a dual-stack socket from an IPv4-mapped address ({@code ::ffff:192.0.2.7}) as
 * an IPv4 address, so such peers are matched by IPv4 ranges, and IPv4-mapped ranges are refused.
 */
public final class CidrRange {

  /** Bits in an IPv4 address, the largest IPv4 prefix length. */
  public static final int IPV4_BITS = 32;

  /** Bits in an IPv6 address, the largest IPv6 prefix length. */
  public static final int IPV6_BITS = 128;

  private static final Pattern IPV4 =
      Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");

  /** The network address, host bits zero: 4 bytes for IPv4, 16 for IPv6. */
  private final byte[] network;

  private final int prefixLength;

  private CidrRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code address/prefix} or a bare address.
   *
   * @throws IllegalArgumentException naming {@code text} when it is not a valid range
   */
  public static CidrRange parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("CIDR range must not be null");
    }
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] address = parseAddress(addressPart, text);
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String prefixPart = trimmed.substring(slash + 1);
      if (!PREFIX.matcher(prefixPart).matches()) {
        throw invalid(text, "the prefix length must be a number 0.." + bits);
      }
      prefix = Integer.parseInt(prefixPart);
      if (prefix > bits) {
        throw invalid(text, "the prefix length must be 0.." + bits);
      }
    }
    byte[] masked = mask(address, prefix);
    if (!Arrays.equals(masked, address)) {
      throw invalid(
          text,
          "the address has bits set beyond its /"
              + prefix
              + " prefix; did you mean "
              + format(masked, prefix)
              + "?");
    }
    return new CidrRange(masked, prefix);
  }

  private static byte[] parseAddress(String part, String text) {
    if (part.isEmpty()) {
      throw invalid(text, "the address is missing");
    }
    if (part.indexOf(':') >= 0) {
      return parseIpv6(part, text);
    }
    var m = IPV4.matcher(part);
    if (!m.matches()) {
      throw invalid(text, "not an IPv4 or IPv6 address literal (host names are not allowed)");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String octet = m.group(i + 1);
      if (octet.length() > 1 && octet.charAt(0) == '0') {
        throw invalid(text, "IPv4 octet '" + octet + "' has a leading zero");
      }
      int value = Integer.parseInt(octet);
      if (value > 255) {
        throw invalid(text, "IPv4 octet '" + octet + "' is over 255");
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte[] parseIpv6(String part, String text) {
    // Only hex digits, colons and dots: no zone ids (%eth0) and no brackets.
    if (!IPV6_CHARS.matcher(part).matches()) {
      throw invalid(text, "not an IPv6 address literal (zone ids and brackets are not allowed)");
    }
    InetAddress parsed;
    try {
      // A string containing ':' is parsed as an IPv6 literal, never looked up.
      parsed = InetAddress.getByName(part);
    } catch (UnknownHostException e) {
      throw invalid(text, "not a valid IPv6 address");
    }
    if (parsed instanceof Inet4Address) {
      throw invalid(text, "IPv4-mapped IPv6 ranges are not supported; write the IPv4 range");
    }
    return parsed.getAddress();
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int bitsInByte = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xFF << (8 - bitsInByte));
    }
    return masked;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid CIDR range '" + text + "': " + why);
  }

  /** Whether {@code address} lies in this range; an address of the other IP version never does. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(candidate, prefixLength), network);
  }

  public boolean isIpv6() {
    return network.length == 16;
  }

  public int prefixLength() {
    return prefixLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrRange other
        && prefixLength == other.prefixLength
        && Arrays.equals(network, other.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  /** The canonical form, which {@link #parse} reads back: RFC 5952 text for IPv6, always /n. */
  @Override
  public String toString() {
    return format(network, prefixLength);
  }

  private static String format(byte[] address, int prefix) {
    StringBuilder sb = new StringBuilder();
    if (address.length == 4) {
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(address[i] & 0xFF);
      }
    } else {
      appendIpv6(sb, address);
    }
    return sb.append('/').append(prefix).toString();
  }

  /**
   * RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as ::.
   */
  private static void appendIpv6(StringBuilder sb, byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (i > 0 && i != bestStart + bestLength) {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
  }
}
