package io.vasgate.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vasgate.message.MoRecorded;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The MOs taken in within the dedup window, by dedup key, so that a peer's re-send is answered with
 * the first copy's id without another trip through the database, and waits for the first copy while
 * that is still being carried out (its key is not in the database until then).
 *
 * <p>Only a shortcut: the database's dedup keys ({@code mo_dedup}) decide across restarts and
 * gateways, and whatever this forgets (it holds at most {@code maxEntries}) they still catch.
 */
final class RecentMos {

  private final Cache<ByteBuffer, CompletableFuture<MoRecorded>> recent;

  RecentMos(Duration window, long maxEntries) {
    this.recent = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxEntries).build();
  }

  /**
   * Claims {@code key} for an MO whose record {@code mine} will complete with.
   *
   * @return empty if the key is now this MO's; else the record of the copy that holds it
   */
  Optional<CompletableFuture<MoRecorded>> claim(byte[] key, CompletableFuture<MoRecorded> mine) {
    return Optional.ofNullable(recent.asMap().putIfAbsent(ByteBuffer.wrap(key), mine));
  }

  /** Gives up the claim of an MO that was not recorded, so that a re-send is taken in anew. */
  void release(byte[] key, CompletableFuture<MoRecorded> mine) {
    recent.asMap().remove(ByteBuffer.wrap(key), mine);
  }
}
