package dev.backslide.refusal.eval;

import dev.backslide.refusal.RefusalLabel;
import dev.backslide.refusal.embedded.EmbeddedRefusalDetector;
import dev.backslide.refusal.embedded.HeadTrainer;
import dev.backslide.refusal.embedded.NativeLibraries;
import dev.backslide.refusal.embedded.OnnxSentenceEncoder;
import dev.backslide.refusal.embedded.SentenceEncoder;
import dev.backslide.refusal.embedded.SoftmaxHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Retrains the embedded detector's head and rewrites its committed weights file:
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=dev.backslide.refusal.eval.TrainHead
 * </pre>
 *
 * <p>Options: {@code --train FILE} (default {@value #DEFAULT_TRAIN}), {@code --out FILE} (default
 * {@value #DEFAULT_OUT}), {@code --encoder bge|minilm} ({@code minilm} needs its jar on the class
 * path). Training is deterministic ({@link HeadTrainer}): on the same machine the same data gives
 * the same file byte for byte.
 */
public final class TrainHead {
  /** The training split, relative to the project directory. */
  public static final String DEFAULT_TRAIN = "src/test/resources/refusal/train.jsonl";

  /** The committed weights file, relative to the project directory. */
  public static final String DEFAULT_OUT =
      "src/main/resources" + EmbeddedRefusalDetector.HEAD_RESOURCE;

  private TrainHead() {}

  public static void main(String[] args) throws IOException {
    Path train = Paths.get(DEFAULT_TRAIN);
    Path out = Paths.get(DEFAULT_OUT);
    @Nullable String encoderSpec = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--train" -> train = Paths.get(value);
        case "--out" -> out = Paths.get(value);
        case "--encoder" -> encoderSpec = value;
        default -> {
          System.err.println(
              "unknown option " + args[i] + "; use --train FILE, --out FILE, --encoder bge|minilm");
          System.exit(2);
        }
      }
      i++;
    }
    List<LabelledResponse> rows = LabelledData.read(train);
    long start = System.nanoTime();
    try (SentenceEncoder encoder = encoder(encoderSpec)) {
      String text = headText(encoder, rows, train.toString().replace('\\', '/'), sha256(train));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, text, StandardCharsets.UTF_8);
    }
    System.out.printf(
        "trained on %d rows of %s in %.1f s; wrote %s%n",
        rows.size(), train, (System.nanoTime() - start) / 1e9, out);
  }

  static SentenceEncoder encoder(@Nullable String spec) {
    if (spec == null || spec.equals("bge")) {
      return OnnxSentenceEncoder.standard();
    }
    if (spec.equals("minilm")) {
      return OnnxSentenceEncoder.open(
          OnnxSentenceEncoder.Model.MINILM,
          NativeLibraries.defaultDirectory(),
          Runtime.getRuntime().availableProcessors(),
          OnnxSentenceEncoder.DEFAULT_BATCH);
    }
    throw new IllegalArgumentException("--encoder takes bge or minilm but was " + spec);
  }

  /** Trains on {@code rows} and returns the weights file's text. */
  public static String headText(
      SentenceEncoder encoder, List<LabelledResponse> rows, String source, String sha256) {
    SoftmaxHead head = train(encoder, rows);
    HeadTrainer t = HeadTrainer.DEFAULT;
    return head.toText(
        List.of(
            "Backslide refusal head: multinomial logistic regression over ResponseParts features.",
            "Trained on " + rows.size() + " rows of " + source + " (sha256 " + sha256 + ")",
            "HeadTrainer steps "
                + t.steps()
                + ", learning rate "
                + t.learningRate()
                + ", l2 "
                + t.l2(),
            "Retrain: mvn -q compile exec:java -Dexec.mainClass=dev.backslide.refusal.eval.TrainHead"));
  }

  /** The head trained on {@code rows} with {@link HeadTrainer#DEFAULT}. */
  public static SoftmaxHead train(SentenceEncoder encoder, List<LabelledResponse> rows) {
    List<String> responses = new ArrayList<>();
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      responses.add(rows.get(i).response());
      RefusalLabel label = rows.get(i).label();
      y[i] = SoftmaxHead.LABELS.indexOf(label);
    }
    List<double[]> x = EmbeddedRefusalDetector.features(encoder, responses);
    return HeadTrainer.DEFAULT.train(x, y, encoder.name());
  }

  /** The SHA-256 of a file, in hex. */
  public static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
