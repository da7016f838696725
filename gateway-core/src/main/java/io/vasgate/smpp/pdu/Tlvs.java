package io.vasgate.smpp.pdu;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An immutable, ordered set of optional parameters with typed lookups. Order and duplicates are
 * preserved exactly as received: nothing is ever dropped, so a PDU relayed to another peer carries
 * every vendor TLV it came with. Lookups return the first TLV with the tag.
 */
public final class Tlvs implements Iterable<Tlv> {

  /** No optional parameters. */
  public static final Tlvs EMPTY = new Tlvs(List.of());

  private final List<Tlv> list;

  private Tlvs(List<Tlv> list) {
    this.list = list;
  }

  /** A view of these TLVs; the list is copied unless it is already immutable. */
  public static Tlvs of(List<Tlv> tlvs) {
    return tlvs.isEmpty() ? EMPTY : new Tlvs(List.copyOf(tlvs));
  }

  /** The given TLVs in order. */
  public static Tlvs of(Tlv... tlvs) {
    return of(List.of(tlvs));
  }

  /** The TLVs as an immutable list, ready for a PDU record. */
  public List<Tlv> asList() {
    return list;
  }

  public int size() {
    return list.size();
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Whether any TLV has this tag. */
  public boolean contains(short tag) {
    return find(tag).isPresent();
  }

  /** The first TLV with this tag. */
  public Optional<Tlv> find(short tag) {
    for (Tlv tlv : list) {
      if (tlv.tag() == tag) {
        return Optional.of(tlv);
      }
    }
    return Optional.empty();
  }

  /** Every TLV with this tag, in order. */
  public List<Tlv> findAll(short tag) {
    List<Tlv> found = new ArrayList<>();
    for (Tlv tlv : list) {
      if (tlv.tag() == tag) {
        found.add(tlv);
      }
    }
    return List.copyOf(found);
  }

  /**
   * The one-octet value of the first TLV with this tag.
   *
   * @throws IllegalStateException if that TLV is not exactly one octet long
   */
  public OptionalInt getUint8(short tag) {
    Optional<Tlv> tlv = find(tag);
    return tlv.isPresent() ? OptionalInt.of(tlv.get().uint8()) : OptionalInt.empty();
  }

  /**
   * The two-octet value of the first TLV with this tag.
   *
   * @throws IllegalStateException if that TLV is not exactly two octets long
   */
  public OptionalInt getUint16(short tag) {
    Optional<Tlv> tlv = find(tag);
    return tlv.isPresent() ? OptionalInt.of(tlv.get().uint16()) : OptionalInt.empty();
  }

  /**
   * The four-octet value of the first TLV with this tag.
   *
   * @throws IllegalStateException if that TLV is not exactly four octets long
   */
  public OptionalLong getUint32(short tag) {
    Optional<Tlv> tlv = find(tag);
    return tlv.isPresent() ? OptionalLong.of(tlv.get().uint32()) : OptionalLong.empty();
  }

  /** The C-octet string value of the first TLV with this tag (see {@link Tlv#cString()}). */
  public Optional<String> getCString(short tag) {
    return find(tag).map(Tlv::cString);
  }

  /** A copy of the raw value of the first TLV with this tag. */
  public Optional<byte[]> getBytes(short tag) {
    return find(tag).map(Tlv::value);
  }

  /** These TLVs with one more at the end. */
  public Tlvs add(Tlv tlv) {
    List<Tlv> copy = new ArrayList<>(list);
    copy.add(tlv);
    return new Tlvs(List.copyOf(copy));
  }

  /** These TLVs with the first one of the same tag replaced, or the TLV appended if none has it. */
  public Tlvs with(Tlv tlv) {
    List<Tlv> copy = new ArrayList<>(list);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).tag() == tlv.tag()) {
        copy.set(i, tlv);
        return new Tlvs(List.copyOf(copy));
      }
    }
    copy.add(tlv);
    return new Tlvs(List.copyOf(copy));
  }

  /** These TLVs without any that has this tag. */
  public Tlvs without(short tag) {
    List<Tlv> copy = new ArrayList<>(list);
    copy.removeIf(tlv -> tlv.tag() == tag);
    return of(copy);
  }

  @Override
  public Iterator<Tlv> iterator() {
    return list.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tlvs other && list.equals(other.list);
  }

  @Override
  public int hashCode() {
    return list.hashCode();
  }

  @Override
  public String toString() {
    return list.toString();
  }
}
