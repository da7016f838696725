package io.vasgate.loadtest.mo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What simulated handsets type, as scripts against the sample catalog (conf/catalog.yaml): each
 * script is what one subscriber does over a few messages, e.g. order the weather, confirm, look at
 * the list and unsubscribe. Every script leaves the subscriber as it found them (nothing ordered,
 * nothing pending), so a handset can start any script next and the reply it gets is known in
 * advance: every reply is checked against the words it must contain.
 */
public final class CommandMix {

  /** The sample catalog's main service port. */
  public static final String PORT = "10658880";

  /** 10658880 + the extension of SHBB (生活播报, monthly, confirmation). */
  static final String SHBB_NUMBER = PORT + "01";

  /** 10658880 + the extension of TQ (天气, monthly 200 fen, confirmation). */
  static final String TQ_NUMBER = PORT + "02";

  /** 10658880 + the extension of WZ (违章提醒, monthly with a 7-day trial). */
  static final String WZ_NUMBER = PORT + "03";

  /** 10658880 + the extension of JK (健康提示, free). */
  static final String JK_NUMBER = PORT + "05";

  /** data_coding 0: the SMSC default alphabet, used for plain ASCII texts. */
  static final int DATA_CODING_DEFAULT = 0;

  /** data_coding 8: UCS2 (UTF-16BE), what handsets send for Chinese and full-width text. */
  static final int DATA_CODING_UCS2 = 8;

  /**
   * One message of a script and what its reply must say.
   *
   * @param destination the service number the handset sends to
   * @param text what the handset user typed
   * @param expected words that must all appear in the reply
   */
  public record Step(String destination, String text, List<String> expected) {

    public Step {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("a step needs a text");
      }
      expected = List.copyOf(expected);
      if (expected.isEmpty()) {
        throw new IllegalArgumentException("step '" + text + "' must expect something");
      }
    }

    /** 0 for printable ASCII, which the default alphabet carries unchanged; else 8 (UCS2). */
    public int dataCoding() {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c > 0x7E) {
          return DATA_CODING_UCS2;
        }
      }
      return DATA_CODING_DEFAULT;
    }

    /** The short_message octets in {@link #dataCoding()}. */
    public byte[] octets() {
      return dataCoding() == DATA_CODING_DEFAULT
          ? text.getBytes(StandardCharsets.US_ASCII)
          : text.getBytes(StandardCharsets.UTF_16BE);
    }

    /** Whether {@code reply} says what this step expects. */
    public boolean accepts(String reply) {
      for (String word : expected) {
        if (!reply.contains(word)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * What one subscriber does, from nothing ordered back to nothing ordered.
   *
   * @param weight how often handsets pick this script, relative to the others
   */
  public record Script(String name, int weight, List<Step> steps) {

    public Script {
      Objects.requireNonNull(name, "name");
      if (weight < 1) {
        throw new IllegalArgumentException("script " + name + " needs a positive weight");
      }
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("script " + name + " has no steps");
      }
    }
  }

  private final List<Script> scripts;
  private final int[] cumulativeWeights;

  /**
   * @throws IllegalArgumentException if there are no scripts or two share a name
   */
  public CommandMix(List<Script> scripts) {
    this.scripts = List.copyOf(scripts);
    if (this.scripts.isEmpty()) {
      throw new IllegalArgumentException("a command mix needs at least one script");
    }
    this.cumulativeWeights = new int[this.scripts.size()];
    int sum = 0;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < this.scripts.size(); i++) {
      Script s = this.scripts.get(i);
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two scripts are called " + s.name());
      }
      sum = Math.addExact(sum, s.weight());
      cumulativeWeights[i] = sum;
    }
  }

  /**
   * The benchmark's mix: monthly orders with second confirmation in ASCII, Chinese and full-width
   * form, per-use orders, free and trial products, queries, a typo, help requests. Weights are per
   * script, so multi-step scripts weigh more in the message count (see {@link #messageShares()}).
   */
  public static CommandMix standard() {
    List<Script> scripts = new ArrayList<>();
    scripts.add(
        new Script(
            "tq-confirm-query-td",
            20,
            List.of(
                new Step(TQ_NUMBER, "KT TQ", List.of("天气", "回复“是”确认")),
                new Step(TQ_NUMBER, "是", List.of("成功订购天气")),
                new Step(PORT, "0000", List.of("已订购的业务", "天气(TQ)")),
                new Step(TQ_NUMBER, "TD", List.of("成功退订天气")))));
    scripts.add(
        new Script(
            "tq-chinese",
            10,
            List.of(
                new Step(PORT, "开通天气", List.of("天气", "确认订购")),
                new Step(TQ_NUMBER, "Y", List.of("成功订购天气")),
                new Step(TQ_NUMBER, "退订", List.of("成功退订天气")))));
    scripts.add(
        new Script(
            "tq-full-width",
            5,
            List.of(
                new Step(TQ_NUMBER, "ＫＴ　ＴＱ。", List.of("天气", "确认订购")),
                new Step(TQ_NUMBER, "是", List.of("成功订购天气")),
                new Step(TQ_NUMBER, "ＴＤ", List.of("成功退订天气")))));
    scripts.add(
        new Script(
            "shbb-confirm-qx",
            5,
            List.of(
                new Step(PORT, "DG SHBB", List.of("生活播报", "确认订购")),
                new Step(SHBB_NUMBER, "是", List.of("成功订购生活播报")),
                new Step(PORT, "QX SHBB", List.of("成功退订生活播报")))));
    scripts.add(new Script("xw-per-use", 20, List.of(new Step(PORT, "DG XW", List.of("点播新闻点播")))));
    scripts.add(
        new Script(
            "jk-free",
            10,
            List.of(
                new Step(PORT, "KT JK", List.of("成功订购健康提示")),
                new Step(JK_NUMBER, "TD", List.of("成功退订健康提示")))));
    scripts.add(
        new Script(
            "wz-trial",
            5,
            List.of(
                new Step(PORT, "订购违章提醒", List.of("违章提醒", "7天")),
                new Step(WZ_NUMBER, "退订", List.of("成功退订违章提醒")))));
    scripts.add(new Script("query-empty", 15, List.of(new Step(PORT, "0000", List.of("没有订购")))));
    scripts.add(new Script("typo", 5, List.of(new Step(PORT, "KT TX", List.of("KT TQ")))));
    scripts.add(
        new Script(
            "help",
            5,
            List.of(
                new Step(PORT, "帮助", List.of("KT", "TQ")),
                new Step(PORT, "hello", List.of("KT", "TQ")))));
    return new CommandMix(scripts);
  }

  public List<Script> scripts() {
    return scripts;
  }

  /** A script, drawn by weight. */
  public Script pick(SplittableRandom random) {
    int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) {
        return scripts.get(i);
      }
    }
    throw new AssertionError("weights are positive, so some script covers " + r);
  }

  /**
   * The share of all messages each script accounts for in the long run: its weight times its
   * length, normalised. The report shows it so readers see what "a command" means.
   */
  public Map<String, Double> messageShares() {
    double total = 0;
    for (Script s : scripts) {
      total += (double) s.weight() * s.steps().size();
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Script s : scripts) {
      shares.put(s.name(), s.weight() * s.steps().size() / total);
    }
    return shares;
  }
}
