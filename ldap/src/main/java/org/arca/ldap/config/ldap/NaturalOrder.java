package org.arca.ldap.config.ldap;

import java.util.Comparator;

/** Orders names as people do: Export2 before Export10. Servers return entries in no defined order. */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    @Override
    public int compare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                while (si < i - 1 && a.charAt(si) == '0') si++; // leading zeros do not count
                while (sj < j - 1 && b.charAt(sj) == '0') sj++;
                int c = i - si != j - sj ? Integer.compare(i - si, j - sj) : a.substring(si, i).compareTo(b.substring(sj, j));
                if (c != 0) return c;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
