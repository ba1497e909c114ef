package dev.backslide.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleSizeTests {
  @Test
  void answersTheWorkedNumbersOfTheStatisticsReference() {
    assertThat(SampleSize.answer(SampleSize.parse(new String[] {"--drop", "0.05", "--psi", "0.1"})))
        .startsWith(
            "paired binary (Connor): 246 items to detect a drop of 5.0 points at flip rate 0.100");
    assertThat(
            SampleSize.answer(
                SampleSize.parse(new String[] {"--margin", "0.05", "--psi0", "0.02"})))
        .startsWith("non-inferiority (Tango): 107 items");
    assertThat(SampleSize.answer(SampleSize.parse(new String[] {"--margin", "0.03"})))
        .startsWith("non-inferiority (Tango): 88 items");
  }

  @Test
  void refusesUnknownOptionsAndMissingOnes() {
    assertThatThrownBy(() -> SampleSize.parse(new String[] {"--dorp", "0.05"}))
        .hasMessage("unknown option --dorp");
    assertThatThrownBy(() -> SampleSize.answer(SampleSize.parse(new String[] {"--psi", "0.1"})))
        .hasMessage("give --drop and --psi, or --margin (with --psi0), or --drop and --omega2");
  }
}
