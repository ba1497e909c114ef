/**
 * Responses kept beyond a run: the crash-safe run journal, recorded baselines, and the opt-in
 * response cache. Everything here is plain files a reviewer can read and git can diff.
 */
@NullMarked
package dev.backslide.store;

import org.jspecify.annotations.NullMarked;
