/**
 * The model endpoint seam: what Backslide asks of a chat endpoint and what it gets back, with every
 * way a call can fail named. No HTTP library appears here; see {@code endpoint.openai}.
 */
@NullMarked
package dev.backslide.endpoint;

import org.jspecify.annotations.NullMarked;
