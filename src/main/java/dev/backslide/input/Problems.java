package dev.backslide.input;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while reading one source, so they can all be reported at once. */
public final class Problems {
  private final String source;
  private final List<Problem> list = new ArrayList<>();

  public Problems(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  /** Records a problem at a YAML node's start. */
  public void at(Node node, String message) {
    var mark = node.getStartMark();
    list.add(new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, message));
  }

  /** Records a problem at a line and column (1-based). */
  public void at(int line, int column, String message) {
    list.add(new Problem(source, line, column, message));
  }

  public void add(Problem problem) {
    list.add(problem);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }
}
