package dev.backslide.config;

/**
 * A raw setting value and where it came from.
 *
 * @param value the text as given
 * @param origin "system property backslide.x", "environment variable BACKSLIDE_X", or
 *     "file.yaml:3:5"
 */
public record ConfigValue(String value, String origin) {}
