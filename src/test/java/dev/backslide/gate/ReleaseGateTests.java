package dev.backslide.gate;

import dev.backslide.junit.CellTests;
import dev.backslide.junit.GateExtension;
import dev.backslide.junit.GateSession;
import dev.backslide.task.Axis;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release gate: {@code mvn test} with a reference and a candidate endpoint configured (see
 * README). One factory per axis; one test per cell, failing on FAIL and ERROR.
 */
@ExtendWith(GateExtension.class)
@DisplayName("Backslide release gate")
class ReleaseGateTests {

  @TestFactory
  @DisplayName("capability")
  Stream<DynamicNode> capability(GateSession gate) {
    return CellTests.of(gate, Axis.CAPABILITY);
  }

  @TestFactory
  @DisplayName("safety")
  Stream<DynamicNode> safety(GateSession gate) {
    return CellTests.of(gate, Axis.SAFETY);
  }

  @TestFactory
  @DisplayName("over-refusal")
  Stream<DynamicNode> overRefusal(GateSession gate) {
    return CellTests.of(gate, Axis.OVER_REFUSAL);
  }

  @TestFactory
  @DisplayName("endpoints")
  Stream<DynamicNode> endpoints(GateSession gate) {
    return CellTests.endpoints(gate);
  }
}
