package io.vasgate.billing.subscription;

import io.vasgate.billing.subscription.SubscriptionOutcome.Cancelled;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForSelect;
import io.vasgate.billing.subscription.SubscriptionOutcome.ForUnsubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.InvalidSelection;
import io.vasgate.billing.subscription.SubscriptionOutcome.NothingToUnsubscribe;
import io.vasgate.billing.subscription.SubscriptionOutcome.SelectionExpired;
import io.vasgate.billing.subscription.SubscriptionOutcome.Unsubscribed;
import io.vasgate.billing.subscription.SubscriptionRepository.Change;
import io.vasgate.command.catalog.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * UNSUBSCRIBE, UNSUBSCRIBE_ALL, the {@code 0000} list and the SELECT reply to it. A cancellation is
 * one transaction that ends the rows at once: from its commit no renewal can claim them, and a
 * charge already in flight for one is refunded when it succeeds.
 */
final class CancelCommands {

  private final ServiceContext ctx;

  CancelCommands(ServiceContext ctx) {
    this.ctx = ctx;
  }

  ForUnsubscribe unsubscribe(
      String msisdn, Product product, MoRef mo, Epilogue<? super ForUnsubscribe> epilogue) {
    Instant now = ctx.now();
    return ctx.tx()
        .forNumber(
            "unsubscribe " + product.code(),
            msisdn,
            Epilogues.onOutcome(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  Optional<Subscription> live =
                      ctx.subscriptions().findLiveForUpdate(c, msisdn, product.code());
                  if (live.isEmpty()) {
                    return new NothingToUnsubscribe();
                  }
                  return cancel(
                      c, live.get().msisdn(), List.of(live.get()), mo, "unsubscribed by ", now);
                }));
  }

  ForUnsubscribe unsubscribeAll(
      String msisdn, String servicePort, MoRef mo, Epilogue<? super ForUnsubscribe> epilogue) {
    Instant now = ctx.now();
    return ctx.tx()
        .forNumber(
            "unsubscribe all",
            msisdn,
            Epilogues.onOutcome(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  List<Subscription> live =
                      ctx.subscriptions().findLiveOnPortForUpdate(c, msisdn, servicePort);
                  if (live.isEmpty()) {
                    return new NothingToUnsubscribe();
                  }
                  return cancel(c, msisdn, live, mo, "unsubscribed from all by ", now);
                }));
  }

  SubscriptionList list(String msisdn, Epilogue<? super SubscriptionList> epilogue) {
    Instant now = ctx.now();
    Instant until = now.plus(ctx.config().selectWindow());
    return ctx.tx()
        .forNumber(
            "list subscriptions",
            msisdn,
            Epilogues.onOutcome(
                epilogue,
                c -> {
                  List<Subscription> held = ctx.subscriptions().findSubscribed(c, msisdn);
                  List<SubscriptionList.Item> items = new ArrayList<>(held.size());
                  List<Long> ids = new ArrayList<>(held.size());
                  for (Subscription s : held) {
                    items.add(
                        new SubscriptionList.Item(
                            items.size() + 1, s, ctx.product(s.productCode())));
                    ids.add(s.id());
                  }
                  ctx.lists().save(c, new ListNumbering(msisdn, ids, now, until));
                  return new SubscriptionList(items, until);
                }));
  }

  ForSelect cancelSelected(
      String msisdn, List<Integer> items, MoRef mo, Epilogue<? super ForSelect> epilogue) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a selection names at least one item");
    }
    Instant now = ctx.now();
    return ctx.tx()
        .forNumber(
            "cancel selected",
            msisdn,
            Epilogues.onOutcome(
                epilogue,
                c -> {
                  ctx.subscriptions().lockNumber(c, msisdn);
                  Optional<ListNumbering> numbering = ctx.lists().find(c, msisdn);
                  if (numbering.isEmpty() || !now.isBefore(numbering.get().selectableUntil())) {
                    return new SelectionExpired();
                  }
                  List<Long> ids = numbering.get().subscriptionIds();
                  List<Integer> invalid = new ArrayList<>();
                  Set<Long> chosen = new LinkedHashSet<>();
                  for (int item : items) {
                    if (item < 1 || item > ids.size()) {
                      invalid.add(item);
                    } else {
                      chosen.add(ids.get(item - 1));
                    }
                  }
                  if (!invalid.isEmpty()) {
                    return new InvalidSelection(invalid, ids.size());
                  }
                  List<Subscription> live =
                      ctx.subscriptions().findLiveByIdsForUpdate(c, msisdn, chosen);
                  if (live.isEmpty()) {
                    return new NothingToUnsubscribe();
                  }
                  return cancel(c, msisdn, live, mo, "cancelled from the list by ", now);
                }));
  }

  private Unsubscribed cancel(
      Connection c, String msisdn, List<Subscription> live, MoRef mo, String how, Instant now)
      throws SQLException {
    List<Change> changes = new ArrayList<>(live.size());
    List<Cancelled> cancelled = new ArrayList<>(live.size());
    for (Subscription s : live) {
      Subscription ended = s.ended(SubscriptionState.CANCELLED, now);
      changes.add(new Change(s, ended, how + mo.quoted()));
      cancelled.add(new Cancelled(ended, s.state(), ctx.product(s.productCode())));
    }
    ctx.subscriptions().changeAll(c, changes, TransitionCause.of(mo), now);
    return new Unsubscribed(cancelled);
  }
}
