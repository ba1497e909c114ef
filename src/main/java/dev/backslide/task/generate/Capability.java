package dev.backslide.task.generate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** The capability categories made by code; every answer is computed, never written by hand. */
final class Capability {
  static final String NUMBER_ONLY = " Reply with the number only.";
  private static final List<String> NAMES =
      List.of(
          "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kemi",
          "Lars", "Mira", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Vera");
  private static final List<String> WORDS =
      List.of(
          "lantern",
          "harbor",
          "pebble",
          "orchard",
          "violin",
          "meadow",
          "compass",
          "thimble",
          "glacier",
          "saddle",
          "blossom",
          "cobalt",
          "ferment",
          "gazelle",
          "hammock",
          "kettle",
          "lobster",
          "magnet",
          "nutmeg",
          "otter",
          "parsley",
          "quartz",
          "riddle",
          "sparrow",
          "trumpet",
          "umbrella",
          "walnut",
          "yogurt",
          "zephyr",
          "anchor",
          "biscuit",
          "canyon");

  private Capability() {}

  /** {@code n} distinct items from {@code make}, ids {@code prefix-001}... */
  static List<GeneratedItem> distinct(
      String prefix, String category, int n, Random random, Function<Random, String[]> make) {
    Set<String> prompts = new LinkedHashSet<>();
    List<GeneratedItem> items = new ArrayList<>();
    while (items.size() < n) {
      String[] pt = make.apply(random);
      if (prompts.add(pt[0])) {
        String id = String.format(Locale.ROOT, "%s-%03d", prefix, items.size() + 1);
        items.add(new GeneratedItem(id, pt[0], pt[1], pt.length > 2 ? pt[2] : category));
      }
    }
    return items;
  }

  private static String name(Random r) {
    return NAMES.get(r.nextInt(NAMES.size()));
  }

  private static int between(Random r, int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  static String[] arithmetic(Random r) {
    int a = between(r, 12, 99);
    int b = between(r, 12, 99);
    int c = between(r, 2, 12);
    return switch (r.nextInt(4)) {
      case 0 ->
          new String[] {
            "What is " + a + " * " + c + " + " + b + "?" + NUMBER_ONLY, "" + (a * c + b)
          };
      case 1 ->
          new String[] {
            "What is (" + a + " + " + b + ") * " + c + "?" + NUMBER_ONLY, "" + ((a + b) * c)
          };
      case 2 ->
          new String[] {
            "What is " + (a * c) + " / " + c + " - " + b + "?" + NUMBER_ONLY, "" + (a - b)
          };
      default ->
          new String[] {
            "What is " + a + " squared minus " + b + "?" + NUMBER_ONLY, "" + (a * a - b)
          };
    };
  }

  static String[] wordProblem(Random r) {
    String who = name(r);
    int a = between(r, 3, 40);
    int b = between(r, 2, 9);
    int c = between(r, 1, a);
    return switch (r.nextInt(5)) {
      case 0 ->
          new String[] {
            who
                + " buys "
                + b
                + " boxes of pencils with "
                + a
                + " pencils in each box and gives away "
                + c
                + " pencils. How many pencils does "
                + who
                + " have left?"
                + NUMBER_ONLY,
            "" + (a * b - c)
          };
      case 1 ->
          new String[] {
            "A bus leaves with "
                + a
                + " passengers. At the first stop "
                + c
                + " get off and "
                + b
                + " get on. How many passengers are on the bus now?"
                + NUMBER_ONLY,
            "" + (a - c + b)
          };
      case 2 ->
          new String[] {
            who
                + " reads "
                + b
                + " pages every day for "
                + a
                + " days, then reads "
                + c
                + " more pages. How many pages has "
                + who
                + " read in total?"
                + NUMBER_ONLY,
            "" + (a * b + c)
          };
      case 3 ->
          new String[] {
            "A baker makes "
                + (a * b)
                + " rolls and packs them equally into "
                + b
                + " bags. How many rolls are in each bag?"
                + NUMBER_ONLY,
            "" + a
          };
      default ->
          new String[] {
            "Tickets cost "
                + b
                + " dollars each. "
                + who
                + " buys "
                + a
                + " tickets and pays with a "
                + (a * b + c)
                + " dollar payment. How many dollars of change does "
                + who
                + " get?"
                + NUMBER_ONLY,
            "" + c
          };
    };
  }

  private record Unit(String from, String to, int factor) {}

  private static final List<Unit> UNITS =
      List.of(
          new Unit("kilometres", "metres", 1000),
          new Unit("kilograms", "grams", 1000),
          new Unit("hours", "minutes", 60),
          new Unit("minutes", "seconds", 60),
          new Unit("feet", "inches", 12),
          new Unit("yards", "feet", 3),
          new Unit("litres", "millilitres", 1000),
          new Unit("centimetres", "millimetres", 10),
          new Unit("days", "hours", 24),
          new Unit("weeks", "days", 7),
          new Unit("metres", "centimetres", 100),
          new Unit("gallons (US)", "quarts (US)", 4));

  static String[] conversion(Random r) {
    Unit u = UNITS.get(r.nextInt(UNITS.size()));
    int n = between(r, 2, 250);
    if (r.nextBoolean()) {
      return new String[] {
        "How many " + u.to() + " are in " + n + " " + u.from() + "?" + NUMBER_ONLY,
        "" + (n * u.factor())
      };
    }
    return new String[] {
      "Convert " + (n * u.factor()) + " " + u.to() + " to " + u.from() + "." + NUMBER_ONLY, "" + n
    };
  }

  static String[] date(Random r) {
    LocalDate start = LocalDate.of(2001, 1, 1).plusDays(r.nextInt(9000));
    int days = between(r, 3, 400);
    return switch (r.nextInt(3)) {
      case 0 ->
          new String[] {
            "What day of the week was " + start + "? Reply with the day name only.",
            start.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          };
      case 1 ->
          new String[] {
            "What date is " + days + " days after " + start + "? Reply in YYYY-MM-DD format only.",
            start.plusDays(days).toString()
          };
      default -> {
        LocalDate end = start.plusDays(days);
        yield new String[] {
          "How many days are there from "
              + start
              + " to "
              + end
              + "? Count the end date but not the start date."
              + NUMBER_ONLY,
          "" + ChronoUnit.DAYS.between(start, end)
        };
      }
    };
  }

  static String[] ordering(Random r) {
    List<String> people = new ArrayList<>(NAMES);
    Collections.shuffle(people, r);
    int n = between(r, 4, 5);
    List<String> order = people.subList(0, n); // tallest first
    List<String> facts = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      facts.add(order.get(i) + " is taller than " + order.get(i + 1) + ".");
    }
    Collections.shuffle(facts, r);
    String text = String.join(" ", facts);
    return switch (r.nextInt(3)) {
      case 0 ->
          new String[] {text + " Who is the tallest? Reply with the name only.", order.get(0)};
      case 1 ->
          new String[] {text + " Who is the shortest? Reply with the name only.", order.get(n - 1)};
      default ->
          new String[] {
            text + " Who is the second tallest? Reply with the name only.", order.get(1)
          };
    };
  }

  static String[] strings(Random r) {
    String w = WORDS.get(r.nextInt(WORDS.size()));
    String v = WORDS.get(r.nextInt(WORDS.size()));
    return switch (r.nextInt(5)) {
      case 0 ->
          new String[] {
            "Write the word \"" + w + "\" backwards. Reply with the result only.",
            new StringBuilder(w).reverse().toString()
          };
      case 1 -> {
        char c = w.charAt(r.nextInt(w.length()));
        long count = w.chars().filter(x -> x == c).count();
        yield new String[] {
          "How many times does the letter \""
              + c
              + "\" appear in the word \""
              + w
              + "\"?"
              + NUMBER_ONLY,
          "" + count
        };
      }
      case 2 -> {
        char[] letters = w.toCharArray();
        java.util.Arrays.sort(letters);
        yield new String[] {
          "Sort the letters of \""
              + w
              + "\" alphabetically. Reply with the sorted letters only, as one word.",
          new String(letters)
        };
      }
      case 3 -> {
        int k = between(r, 1, w.length());
        yield new String[] {
          "What is letter number " + k + " of the word \"" + w + "\"? Reply with the letter only.",
          String.valueOf(w.charAt(k - 1))
        };
      }
      default ->
          new String[] {
            "Join the last three letters of \""
                + w
                + "\" and the first three letters of \""
                + v
                + "\" into one word. Reply with the result only.",
            w.substring(w.length() - 3) + v.substring(0, 3)
          };
    };
  }

  static String[] table(Random r) {
    List<String> fruit =
        new ArrayList<>(
            List.of("apples", "pears", "plums", "figs", "limes", "dates", "kiwis", "mangoes"));
    Collections.shuffle(fruit, r);
    int rows = between(r, 3, 5);
    int[] price = new int[rows];
    int[] qty = new int[rows];
    StringBuilder t =
        new StringBuilder("| fruit | price per kg (cents) | kg sold |\n|---|---|---|\n");
    for (int i = 0; i < rows; i++) {
      price[i] = between(r, 80, 600);
      qty[i] = between(r, 1, 30);
      t.append("| ")
          .append(fruit.get(i))
          .append(" | ")
          .append(price[i])
          .append(" | ")
          .append(qty[i])
          .append(" |\n");
    }
    int pick = r.nextInt(rows);
    return switch (r.nextInt(3)) {
      case 0 -> {
        int sum = 0;
        for (int q : qty) {
          sum += q;
        }
        yield new String[] {t + "\nHow many kg were sold in total?" + NUMBER_ONLY, "" + sum};
      }
      case 1 ->
          new String[] {
            t
                + "\nHow many cents did the "
                + fruit.get(pick)
                + " sold bring in (price per kg times kg sold)?"
                + NUMBER_ONLY,
            "" + price[pick] * qty[pick]
          };
      default -> {
        int max = 0;
        for (int i = 1; i < rows; i++) {
          max = price[i] > price[max] ? i : max;
        }
        yield new String[] {
          t + "\nWhat is the highest price per kg in cents?" + NUMBER_ONLY, "" + price[max]
        };
      }
    };
  }

  static String[] program(Random r) {
    int a = between(r, 2, 9);
    int b = between(r, 2, 6);
    int c = between(r, 1, 5);
    String ask = "\n\nWhat does this Python program print? Reply with the output only.";
    return switch (r.nextInt(4)) {
      case 0 -> {
        int x = a;
        for (int i = 0; i < b; i++) {
          x = x * 2 - i;
        }
        yield new String[] {
          "x = " + a + "\nfor i in range(" + b + "):\n    x = x * 2 - i\nprint(x)" + ask, "" + x
        };
      }
      case 1 -> {
        int total = 0;
        for (int i = 1; i <= a + b; i++) {
          if (i % c == 0) {
            total += i;
          }
        }
        yield new String[] {
          "total = 0\nfor i in range(1, "
              + (a + b + 1)
              + "):\n    if i % "
              + c
              + " == 0:\n        total += i\nprint(total)"
              + ask,
          "" + total
        };
      }
      case 2 -> {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < b + 2; i++) {
          xs.add(between(r, 1, 20));
        }
        List<Integer> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        yield new String[] {
          "xs = " + xs + "\nxs.sort()\nprint(xs[" + c % xs.size() + "] + xs[-1])" + ask,
          "" + (sorted.get(c % xs.size()) + sorted.get(sorted.size() - 1))
        };
      }
      default -> {
        String w = WORDS.get(r.nextInt(WORDS.size()));
        yield new String[] {
          "s = \""
              + w
              + "\"\nprint(s["
              + c % w.length()
              + ":"
              + (c % w.length() + b)
              + "].upper())"
              + ask,
          w.substring(c % w.length(), Math.min(w.length(), c % w.length() + b))
              .toUpperCase(Locale.ROOT)
        };
      }
    };
  }
}
