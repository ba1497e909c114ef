package dev.backslide.score.instructions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the language of a response (an ISO 639-1 code) for {@code language:response_language} and
 * IFEval's English-only case checks. IFEval uses the {@code langdetect} library; this is a small,
 * deterministic stand-in: the dominant script decides (Hangul, kana, Han, Thai, the Indic scripts,
 * Arabic, Cyrillic), with marker letters and common words to tell apart languages sharing a script
 * (Hindi, Marathi, Nepali; Arabic, Persian, Urdu; Russian, Bulgarian; and the Latin-script
 * languages). It is right on ordinary prose of a sentence or more, not on single words.
 */
public final class LanguageDetector {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
  private static final String VIETNAMESE = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
  private static final Map<String, Set<String>> LATIN = new LinkedHashMap<>();
  private static final Map<String, Set<String>> DEVANAGARI = new LinkedHashMap<>();

  static {
    LATIN.put(
        "en",
        Set.of(
            "the", "and", "is", "of", "to", "in", "that", "it", "you", "for", "with", "are", "this",
            "be", "on", "was", "have", "not", "or", "as", "by", "an", "they", "we", "can"));
    LATIN.put(
        "de",
        Set.of(
            "der", "die", "das", "und", "ist", "nicht", "ich", "zu", "den", "mit", "ein", "eine",
            "sie", "es", "auf", "für", "sich", "auch", "dem", "des", "wir", "sind", "von", "im"));
    LATIN.put(
        "fr",
        Set.of(
            "le", "la", "les", "et", "est", "des", "un", "une", "que", "pour", "dans", "pas", "du",
            "il", "vous", "sur", "au", "qui", "sont", "avec", "ce", "nous", "mais"));
    LATIN.put(
        "es",
        Set.of(
            "el", "los", "las", "y", "es", "que", "en", "un", "una", "por", "para", "con", "del",
            "se", "su", "como", "más", "pero", "muy", "está", "son", "lo", "al"));
    LATIN.put(
        "it",
        Set.of(
            "il", "di", "che", "è", "un", "una", "per", "non", "sono", "con", "del", "della", "gli",
            "le", "nel", "alla", "anche", "questo", "come", "più", "ma", "si", "io"));
    LATIN.put(
        "pt",
        Set.of(
            "o", "os", "as", "de", "que", "é", "um", "uma", "não", "para", "com", "do", "da", "em",
            "você", "mais", "mas", "como", "são", "está", "ao", "seu", "sua", "também"));
    LATIN.put(
        "sw",
        Set.of(
            "na", "ya", "wa", "kwa", "ni", "za", "katika", "kuwa", "hii", "cha", "au", "yake",
            "sana", "kama", "hiyo", "yako", "wewe", "mimi", "lakini", "pia", "vya", "hivyo"));
    LATIN.put(
        "fi",
        Set.of(
            "ja", "on", "ei", "se", "että", "oli", "ovat", "mutta", "kuin", "tämä", "hän", "myös",
            "joka", "olla", "mitä", "sinun", "voi", "kun", "niin", "minä", "jos", "tai"));
    DEVANAGARI.put(
        "hi", Set.of("है", "हैं", "और", "के", "की", "का", "में", "से", "यह", "को", "था", "लिए"));
    DEVANAGARI.put(
        "mr",
        Set.of("आहे", "आणि", "च्या", "हे", "ची", "चा", "मध्ये", "नाही", "आहेत", "या", "केले"));
    DEVANAGARI.put(
        "ne", Set.of("छ", "छन्", "हो", "र", "मा", "पनि", "गर्न", "हुन्छ", "यो", "भएको", "लागि"));
  }

  private LanguageDetector() {}

  /** The ISO 639-1 code of the language {@code text} is most likely in; "unknown" if no letters. */
  public static String detect(String text) {
    Map<String, Integer> scripts = new HashMap<>();
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      scripts.merge(script(c), 1, Integer::sum);
    }
    if (letters == 0) {
      return "unknown";
    }
    String script =
        scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    if (script.equals("han") && scripts.getOrDefault("kana", 0) > 0) {
      return "ja";
    }
    return switch (script) {
      case "hangul" -> "ko";
      case "kana" -> "ja";
      case "han" -> "zh";
      case "thai" -> "th";
      case "bengali" -> "bn";
      case "gurmukhi" -> "pa";
      case "gujarati" -> "gu";
      case "kannada" -> "kn";
      case "telugu" -> "te";
      case "tamil" -> "ta";
      case "devanagari" -> devanagari(text);
      case "arabic" -> arabic(text);
      case "cyrillic" -> cyrillic(text);
      case "latin" -> latin(text);
      default -> script;
    };
  }

  private static String script(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return switch (s) {
      case HANGUL -> "hangul";
      case HIRAGANA, KATAKANA -> "kana";
      case HAN -> "han";
      case THAI -> "thai";
      case BENGALI -> "bengali";
      case GURMUKHI -> "gurmukhi";
      case GUJARATI -> "gujarati";
      case KANNADA -> "kannada";
      case TELUGU -> "telugu";
      case TAMIL -> "tamil";
      case DEVANAGARI -> "devanagari";
      case ARABIC -> "arabic";
      case CYRILLIC -> "cyrillic";
      case LATIN -> "latin";
      case GREEK -> "el";
      case HEBREW -> "he";
      default -> s.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String devanagari(String text) {
    String best = best(DEVANAGARI, text);
    if (text.indexOf('ळ') >= 0 && !best.equals("ne")) {
      return "mr";
    }
    return best;
  }

  private static String arabic(String text) {
    if (count(text, "ےںٹڈڑ") > 0) {
      return "ur";
    }
    if (count(text, "پچژگ") > 0 || text.contains("است")) {
      return "fa";
    }
    return "ar";
  }

  private static String cyrillic(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return count(lower, "ыэё") >= count(lower, "ъ") ? "ru" : "bg";
  }

  private static String latin(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int letters = 0;
    for (int i = 0; i < lower.length(); i++) {
      letters += Character.isLetter(lower.charAt(i)) ? 1 : 0;
    }
    if (count(lower, VIETNAMESE) * 20 > letters) {
      return "vi";
    }
    return best(LATIN, lower);
  }

  private static String best(Map<String, Set<String>> words, String text) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    words.keySet().forEach(k -> scores.put(k, 0));
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      for (var entry : words.entrySet()) {
        if (entry.getValue().contains(word)) {
          scores.merge(entry.getKey(), 1, Integer::sum);
        }
      }
    }
    String best = List.copyOf(words.keySet()).get(0);
    for (var entry : scores.entrySet()) {
      if (entry.getValue() > scores.get(best)) {
        best = entry.getKey();
      }
    }
    return best;
  }

  private static int count(String text, String letters) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += letters.indexOf(text.charAt(i)) >= 0 ? 1 : 0;
    }
    return n;
  }
}
