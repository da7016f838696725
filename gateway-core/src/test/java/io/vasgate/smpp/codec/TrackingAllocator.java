package io.vasgate.smpp.codec;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so a test can prove that the pipeline
 * released all of them: deterministic, unlike the GC-driven leak detector.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {

  private final List<ByteBuf> allocated = new ArrayList<>();

  TrackingAllocator() {
    super(false);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    ByteBuf buf = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
    allocated.add(buf);
    return buf;
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return newHeapBuffer(initialCapacity, maxCapacity);
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  /** A buffer filled with these bytes, tracked like the others. */
  ByteBuf copyOf(byte[] bytes) {
    return heapBuffer(bytes.length).writeBytes(bytes);
  }

  /** Buffers not yet released. */
  List<ByteBuf> unreleased() {
    return allocated.stream().filter(b -> b.refCnt() > 0).toList();
  }

  int allocatedCount() {
    return allocated.size();
  }
}
