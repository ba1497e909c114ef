package dev.backslide.plan;

import dev.backslide.stats.Power;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Answers "how many items do I need?" without running anything (STATISTICS.md section 4):
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=dev.backslide.plan.SampleSize \
 *     -Dexec.args="--drop 0.05 --psi 0.1"
 * </pre>
 *
 * Options: {@code --drop d} the drop to detect, {@code --psi p} the expected flip rate (from an A/A
 * run, or b + c over n of an earlier comparison), {@code --margin m} and {@code --psi0 p0} for the
 * non-inferiority size at no true change, {@code --omega2 w --sigma2 s --k k} for averaged or
 * continuous scores (Miller), {@code --alpha} (one-sided, default 0.05), {@code --power} (default
 * 0.8), {@code --deff} a design effect for clustered items (default 1).
 */
public final class SampleSize {
  private SampleSize() {}

  public static void main(String[] args) {
    try {
      System.out.print(answer(parse(args)));
    } catch (IllegalArgumentException e) {
      PrintStream err = System.err;
      err.println("sample size: " + e.getMessage());
      err.println(
          "usage: --drop 0.05 --psi 0.1 [--margin 0.03 --psi0 0.02] [--omega2 0.11 --sigma2 0.05"
              + " --k 5] [--alpha 0.05] [--power 0.8] [--deff 1.0]");
      System.exit(2);
    }
  }

  static Map<String, Double> parse(String[] args) {
    Map<String, Double> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs but found '" + name + "'");
      }
      String key = name.substring(2);
      if (!java.util.Set.of(
              "drop", "psi", "margin", "psi0", "omega2", "sigma2", "k", "alpha", "power", "deff")
          .contains(key)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      try {
        options.put(key, Double.parseDouble(args[++i]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a number but got '" + args[i] + "'");
      }
    }
    return options;
  }

  /** The answer, one line per formula that the options allow. */
  public static String answer(Map<String, Double> o) {
    double alpha = o.getOrDefault("alpha", 0.05);
    double power = o.getOrDefault("power", 0.8);
    double deff = o.getOrDefault("deff", 1.0);
    StringBuilder out = new StringBuilder();
    if (o.containsKey("drop") && o.containsKey("psi")) {
      double n = Power.connorN(o.get("psi"), o.get("drop"), alpha, power) * deff;
      out.append(
          String.format(
              Locale.ROOT,
              "paired binary (Connor): %d items to detect a drop of %.1f points at flip rate %.3f"
                  + " (one-sided alpha %.3f, power %.2f%s); the exact McNemar test needs about 5-10%%"
                  + " more%n",
              (long) Math.ceil(n),
              100 * o.get("drop"),
              o.get("psi"),
              alpha,
              power,
              deff == 1 ? "" : ", design effect " + deff));
    }
    if (o.containsKey("margin")) {
      double psi0 = o.getOrDefault("psi0", 0.0);
      double n = Power.nonInferiorityN(psi0, o.get("margin"), alpha, power) * deff;
      out.append(
          String.format(
              Locale.ROOT,
              "non-inferiority (Tango): %d items to show a candidate that did not change is within"
                  + " %.1f points, at A/A flip rate %.3f%n",
              (long) Math.ceil(n),
              100 * o.get("margin"),
              psi0));
    }
    if (o.containsKey("drop") && o.containsKey("omega2")) {
      int k = (int) Math.round(o.getOrDefault("k", 1.0));
      double sigma2 = o.getOrDefault("sigma2", 0.0);
      double n =
          Power.millerN(o.get("omega2"), sigma2, sigma2, k, o.get("drop"), alpha, power) * deff;
      out.append(
          String.format(
              Locale.ROOT,
              "averaged or continuous scores (Miller): %d items at k = %d samples per item%n",
              (long) Math.ceil(n),
              k));
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException(
          "give --drop and --psi, or --margin (with --psi0), or --drop and --omega2");
    }
    return out.toString();
  }
}
