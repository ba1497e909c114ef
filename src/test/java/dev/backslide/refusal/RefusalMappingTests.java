package dev.backslide.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefusalMappingTests {
  @Test
  void byDefaultFullAndPartialRefusalsCountAsRefused() {
    assertThat(RefusalMapping.ANY_REFUSAL.refused(RefusalLabel.FULL_REFUSAL)).isTrue();
    assertThat(RefusalMapping.ANY_REFUSAL.refused(RefusalLabel.PARTIAL_REFUSAL)).isTrue();
    assertThat(RefusalMapping.ANY_REFUSAL.refused(RefusalLabel.COMPLIANCE)).isFalse();
  }

  @Test
  void fullRefusalOnlyCountsAPartialRefusalAsComplied() {
    assertThat(RefusalMapping.FULL_REFUSAL_ONLY.refused(RefusalLabel.FULL_REFUSAL)).isTrue();
    assertThat(RefusalMapping.FULL_REFUSAL_ONLY.refused(RefusalLabel.PARTIAL_REFUSAL)).isFalse();
  }

  @Test
  void anUnjudgedResponseIsNeverMapped() {
    assertThatThrownBy(() -> RefusalMapping.ANY_REFUSAL.refused(RefusalLabel.UNJUDGED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an unjudged response is neither refused nor complied; count it apart before mapping");
  }
}
