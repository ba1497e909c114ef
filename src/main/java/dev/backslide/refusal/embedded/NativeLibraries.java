package dev.backslide.refusal.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the native libraries of the encoder under the build directory instead of the user's home or
 * a temporary directory.
 *
 * <p>Two jars bring native code. ONNX Runtime ({@code com.microsoft.onnxruntime}) otherwise copies
 * {@code libonnxruntime} and its JNI library into a fresh {@code onnxruntime-java*} directory under
 * {@code java.io.tmpdir} on every start; DJL's HuggingFace tokenizers otherwise copy {@code
 * libtokenizers} into {@code ~/.djl.ai}. {@link #prepare(Path)} copies ONNX Runtime's libraries
 * once into {@code DIR/onnxruntime-VERSION/} and sets {@code onnxruntime.native.path} to it, and
 * sets DJL's {@code DJL_CACHE_DIR} and {@code ENGINE_CACHE_DIR} to {@code DIR/djl}, so the
 * tokenizer library lands in {@code DIR/djl/tokenizers/}. Settings that are already present (as
 * system properties or, for DJL, environment variables) are left alone.
 *
 * <p>These are JVM-wide system properties, read once when the libraries first load: call {@link
 * #prepare} before the first encoder is built ({@link OnnxSentenceEncoder} does).
 */
public final class NativeLibraries {
  /** The system property naming the directory; default {@code target/backslide-native}. */
  public static final String DIRECTORY_PROPERTY = "backslide.native.dir";

  static final String ONNX_PATH_PROPERTY = "onnxruntime.native.path";
  private static final List<String> DJL_PROPERTIES = List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR");

  private NativeLibraries() {}

  /**
   * The directory of {@link #DIRECTORY_PROPERTY}, else {@code target/backslide-native} under the
   * project directory ({@code backslide.project.dir}, else the working directory).
   */
  public static Path defaultDirectory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    String project = System.getProperty("backslide.project.dir", System.getProperty("user.dir"));
    return Paths.get(project, "target", "backslide-native").toAbsolutePath();
  }

  /**
   * Unpacks ONNX Runtime's libraries under {@code directory} and points both libraries there.
   *
   * @return where ONNX Runtime's libraries are, or the directory itself when this platform's
   *     libraries are not in the jar (ONNX Runtime then falls back to its own behaviour)
   * @throws UncheckedIOException when the directory cannot be written; set {@value
   *     #DIRECTORY_PROPERTY} to a writable directory
   */
  public static synchronized Path prepare(Path directory) {
    Path djl = directory.resolve("djl");
    for (String property : DJL_PROPERTIES) {
      if (System.getProperty(property) == null && System.getenv(property) == null) {
        System.setProperty(property, djl.toString());
      }
    }
    if (System.getProperty(ONNX_PATH_PROPERTY) != null) {
      return Paths.get(System.getProperty(ONNX_PATH_PROPERTY));
    }
    String platform = onnxPlatform();
    String version = onnxVersion();
    Path target = directory.resolve("onnxruntime-" + version + "-" + platform);
    String prefix = "/ai/onnxruntime/native/" + platform + "/";
    List<String> names = libraryNames();
    if (NativeLibraries.class.getResource(prefix + names.get(0)) == null) {
      return directory;
    }
    try {
      Files.createDirectories(target);
      for (String name : names) {
        Path file = target.resolve(name);
        if (Files.isRegularFile(file)) {
          continue;
        }
        try (InputStream in = NativeLibraries.class.getResourceAsStream(prefix + name)) {
          if (in == null) {
            continue;
          }
          Path part = Files.createTempFile(target, name, ".part");
          Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not unpack ONNX Runtime's native libraries into "
              + target
              + " ("
              + e.getMessage()
              + "); set -D"
              + DIRECTORY_PROPERTY
              + " to a writable directory",
          e);
    }
    System.setProperty(ONNX_PATH_PROPERTY, target.toString());
    return target;
  }

  private static String onnxPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.contains("win") ? "win" : os.contains("mac") ? "osx" : "linux";
    String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : "aarch64";
    return osName + "-" + archName;
  }

  private static List<String> libraryNames() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
    }
    if (os.contains("mac")) {
      return List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib");
    }
    return List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
  }

  private static String onnxVersion() {
    Package p = ai.onnxruntime.OrtEnvironment.class.getPackage();
    String version = p == null ? null : p.getImplementationVersion();
    return version == null ? "unknown" : version;
  }
}
