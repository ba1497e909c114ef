package dev.backslide.refusal.embedded;

import dev.backslide.refusal.RefusalLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A multinomial logistic regression over {@link Features}: one weight vector and bias per label,
 * softmax over the three labels {@link #LABELS}. Standardisation of the features is folded into the
 * weights, so the file holds only weights and biases.
 *
 * <p>The weights file is text, one header line per setting and one line per label, each number
 * written with {@code %.6e} so that the same training run writes the same bytes:
 *
 * <pre>
 * # comment lines
 * encoder all-minilm-l6-v2-q
 * features 1159
 * label compliance BIAS W1 W2 ...
 * label partial BIAS W1 ...
 * label refusal BIAS W1 ...
 * </pre>
 *
 * @param encoder the name of the encoder the head was trained on
 * @param bias one bias per label
 * @param weights one weight vector per label, all of the same length
 */
public record SoftmaxHead(String encoder, double[] bias, double[][] weights) {
  /** The labels, in the order of {@link #bias} and {@link #weights}. */
  public static final List<RefusalLabel> LABELS =
      List.of(RefusalLabel.COMPLIANCE, RefusalLabel.PARTIAL_REFUSAL, RefusalLabel.FULL_REFUSAL);

  /** The names of {@link #LABELS} in files. */
  public static final List<String> LABEL_NAMES = List.of("compliance", "partial", "refusal");

  public SoftmaxHead {
    Objects.requireNonNull(encoder, "encoder");
    if (bias.length != LABELS.size() || weights.length != LABELS.size()) {
      throw new IllegalArgumentException(
          "a head needs " + LABELS.size() + " biases and weight vectors, one per label");
    }
    for (double[] w : weights) {
      if (w.length != weights[0].length) {
        throw new IllegalArgumentException("weight vectors differ in length");
      }
    }
  }

  /** How many features the head expects. */
  public int features() {
    return weights[0].length;
  }

  /** The probability of each of {@link #LABELS} for feature vector {@code x}. */
  public double[] probabilities(double[] x) {
    if (x.length != features()) {
      throw new IllegalArgumentException(
          "the head expects " + features() + " features but got " + x.length);
    }
    double[] z = new double[LABELS.size()];
    for (int k = 0; k < z.length; k++) {
      double s = bias[k];
      double[] w = weights[k];
      for (int j = 0; j < x.length; j++) {
        s += w[j] * x[j];
      }
      z[k] = s;
    }
    return softmax(z);
  }

  static double[] softmax(double[] z) {
    double max = Arrays.stream(z).max().orElse(0);
    double sum = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** The weights file, with {@code comments} as leading "# " lines. */
  public String toText(List<String> comments) {
    StringBuilder text = new StringBuilder();
    for (String comment : comments) {
      text.append("# ").append(comment).append('\n');
    }
    text.append("encoder ").append(encoder).append('\n');
    text.append("features ").append(features()).append('\n');
    for (int k = 0; k < LABELS.size(); k++) {
      text.append("label ").append(LABEL_NAMES.get(k)).append(' ').append(number(bias[k]));
      for (double w : weights[k]) {
        text.append(' ').append(number(w));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6e", value);
  }

  /**
   * Reads a weights file.
   *
   * @param source the file's name, for messages
   * @throws IllegalArgumentException naming the source and line of the first problem
   */
  public static SoftmaxHead read(InputStream in, String source) {
    String encoder = null;
    int features = -1;
    double[] bias = new double[LABELS.size()];
    List<double[]> weights = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String where = source + ":" + number + ": ";
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split(" ");
        switch (parts[0]) {
          case "encoder" -> encoder = parts[1];
          case "features" -> features = Integer.parseInt(parts[1]);
          case "label" -> {
            int k = weights.size();
            if (k >= LABELS.size() || !parts[1].equals(LABEL_NAMES.get(k))) {
              throw new IllegalArgumentException(
                  where + "expected the line of label " + expectedLabel(k) + " but found " + line);
            }
            if (parts.length != features + 3) {
              throw new IllegalArgumentException(
                  where
                      + "label "
                      + parts[1]
                      + " has "
                      + (parts.length - 3)
                      + " weights but the file declares "
                      + features
                      + " features");
            }
            bias[k] = Double.parseDouble(parts[2]);
            double[] w = new double[features];
            for (int j = 0; j < features; j++) {
              w[j] = Double.parseDouble(parts[j + 3]);
            }
            weights.add(w);
          }
          default -> throw new IllegalArgumentException(where + "unknown line: " + parts[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + source, e);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(source + " is not a weights file: " + e.getMessage(), e);
    }
    if (encoder == null || weights.size() != LABELS.size()) {
      throw new IllegalArgumentException(
          source + " is incomplete: it needs an encoder line and one line per label");
    }
    return new SoftmaxHead(encoder, bias, weights.toArray(double[][]::new));
  }

  private static String expectedLabel(int k) {
    return k < LABEL_NAMES.size() ? LABEL_NAMES.get(k) : "(none: three labels only)";
  }
}
