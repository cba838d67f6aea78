/**
 * Calendar arithmetic for appeal and exception clocks: computed U.S. federal holidays (5 U.S.C. 6103),
 * business days, the "N months after" rule of 45 CFR 147.136(d), receipt presumptions, and hour clocks
 * that run in real elapsed time across time-zone changes. It knows nothing about denials or pathways;
 * the clock values themselves are data ({@code rules/clocks.yaml}).
 */
package dev.recourse.pathway.calendar;
