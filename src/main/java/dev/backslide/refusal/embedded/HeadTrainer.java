package dev.backslide.refusal.embedded;

import java.util.List;

/**
 * Trains a {@link SoftmaxHead}: multinomial logistic regression with L2 regularisation, fitted by
 * full-batch gradient descent with Nesterov momentum for a fixed number of steps from all-zero
 * weights. There is no randomness and every sum runs in a fixed order, so the same features give
 * the same weights bit for bit.
 *
 * <p>Features are standardised (mean 0, standard deviation 1 over the training rows, a deviation
 * below {@code 1e-6} counts as 1) while training, and the standardisation is folded back into the
 * weights of the returned head.
 *
 * @param steps gradient steps, at least 1
 * @param learningRate step size, above 0
 * @param l2 the L2 penalty on the weights (not the biases), 0 or more
 */
public record HeadTrainer(int steps, double learningRate, double l2) {
  /** The settings the committed head was trained with. */
  public static final HeadTrainer DEFAULT = new HeadTrainer(400, 0.05, 0.01);

  private static final double MOMENTUM = 0.9;

  public HeadTrainer {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1 but was " + steps);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be above 0 but was " + learningRate);
    }
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be 0 or more but was " + l2);
    }
  }

  /**
   * @param x one feature vector per row
   * @param y each row's label, an index into {@link SoftmaxHead#LABELS}
   * @param encoder the encoder's name, recorded in the head
   */
  public SoftmaxHead train(List<double[]> x, int[] y, String encoder) {
    int n = x.size();
    if (n == 0 || n != y.length) {
      throw new IllegalArgumentException(
          "need one label per row and at least one row, got "
              + n
              + " rows, "
              + y.length
              + " labels");
    }
    int d = x.get(0).length;
    int k = SoftmaxHead.LABELS.size();
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        double c = row[j] - mean[j];
        sd[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (sd[j] < 1e-6) {
        sd[j] = 1;
      }
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x.get(i)[j] - mean[j]) / sd[j];
      }
    }
    double[][] w = new double[k][d];
    double[] b = new double[k];
    double[][] vw = new double[k][d];
    double[] vb = new double[k];
    double[][] gw = new double[k][d];
    double[] gb = new double[k];
    double[][] lw = new double[k][d];
    double[] lb = new double[k];
    for (int step = 0; step < steps; step++) {
      // look-ahead point of Nesterov momentum
      for (int c = 0; c < k; c++) {
        lb[c] = b[c] + MOMENTUM * vb[c];
        for (int j = 0; j < d; j++) {
          lw[c][j] = w[c][j] + MOMENTUM * vw[c][j];
        }
      }
      for (int c = 0; c < k; c++) {
        gb[c] = 0;
        for (int j = 0; j < d; j++) {
          gw[c][j] = l2 * lw[c][j];
        }
      }
      double[] logits = new double[k];
      for (int i = 0; i < n; i++) {
        double[] zi = z[i];
        for (int c = 0; c < k; c++) {
          double s = lb[c];
          double[] wc = lw[c];
          for (int j = 0; j < d; j++) {
            s += wc[j] * zi[j];
          }
          logits[c] = s;
        }
        double[] p = SoftmaxHead.softmax(logits);
        for (int c = 0; c < k; c++) {
          double err = (p[c] - (y[i] == c ? 1 : 0)) / n;
          gb[c] += err;
          double[] g = gw[c];
          for (int j = 0; j < d; j++) {
            g[j] += err * zi[j];
          }
        }
      }
      for (int c = 0; c < k; c++) {
        vb[c] = MOMENTUM * vb[c] - learningRate * gb[c];
        b[c] += vb[c];
        for (int j = 0; j < d; j++) {
          vw[c][j] = MOMENTUM * vw[c][j] - learningRate * gw[c][j];
          w[c][j] += vw[c][j];
        }
      }
    }
    // fold the standardisation into the weights: w.(x - m)/s + b = (w/s).x + (b - sum w m / s)
    double[][] folded = new double[k][d];
    double[] foldedBias = new double[k];
    for (int c = 0; c < k; c++) {
      double shift = 0;
      for (int j = 0; j < d; j++) {
        folded[c][j] = w[c][j] / sd[j];
        shift += w[c][j] * mean[j] / sd[j];
      }
      foldedBias[c] = b[c] - shift;
    }
    return new SoftmaxHead(encoder, foldedBias, folded);
  }
}
