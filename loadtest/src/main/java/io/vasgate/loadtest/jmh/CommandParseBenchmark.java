package io.vasgate.loadtest.jmh;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.catalog.SampleCatalog;
import io.vasgate.command.parse.CommandParser;
import io.vasgate.command.parse.ParseResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and resolve of handset commands against the cached sample catalog: the work every MO costs
 * before any I/O. Target: at least 1,000,000 commands per second per core.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp
 * "loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:loadtest/target/lib/*" org.openjdk.jmh.Main
 * CommandParseBenchmark}
 *
 * <p>One thread, so the score is per core. {@code mix} is the realistic mix of texts (plain ASCII
 * verbs, Chinese verbs and names, full-width and punctuation, item selections, typos); the other
 * values isolate one kind each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CommandParseBenchmark {

  /** Texts and the number each was sent to, as pairs. */
  private static final String[][] MIX = {
    {"0000", "10658880"},
    {"KT TQ", "10658880"},
    {"kttq", "10658880"},
    {"TD", "1065888002"},
    {"退订", "1065888002"},
    {"开通天气", "10658880"},
    {"ＫＴ　ＴＱ。", "10658880"},
    {"Qx tq", "10658880"},
    {"是", "1065888002"},
    {"Y", "1065888001"},
    {"1，3", "10658880"},
    {"00000", "10658880"},
    {"订购违章提醒", "10658880"},
    {"KT TX", "10658880"},
    {"帮助", "10658880"},
    {"cx", "1065888004"},
  };

  private static final String[][] ASCII = {
    {"KT TQ", "10658880"}, {"0000", "10658880"}, {"td", "1065888002"}
  };

  private static final String[][] CHINESE = {
    {"开通天气", "10658880"}, {"退订", "1065888002"}, {"是", "1065888002"}
  };

  private static final String[][] FULL_WIDTH = {
    {"ＫＴ　ＴＱ。", "10658880"}, {"ＴＤ", "1065888002"}, {"１，３", "10658880"}
  };

  private static final String[][] TYPOS = {
    {"KT TX", "10658880"}, {"kt xx", "10658880"}, {"QZ TQ", "10658880"}
  };

  @Param({"mix", "ascii", "chinese", "fullwidth", "typos"})
  public String texts;

  private Catalog catalog;
  private CommandParser parser;
  private String[][] inputs;
  private int next;

  @Setup
  public void setUp() {
    catalog = SampleCatalog.catalog();
    parser = new CommandParser();
    inputs =
        switch (texts) {
          case "ascii" -> ASCII;
          case "chinese" -> CHINESE;
          case "fullwidth" -> FULL_WIDTH;
          case "typos" -> TYPOS;
          default -> MIX;
        };
  }

  @Benchmark
  public ParseResult parseAndResolve() {
    String[] in = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    return parser.parse(in[0], in[1], catalog);
  }
}
