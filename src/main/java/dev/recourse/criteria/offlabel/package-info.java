/**
 * Off-label review: the requested drug's FDA-labelled indications ({@code rules/fda-labels.yaml}) against the
 * patient's documented diagnosis and age, and — for a use that is not labelled — compendium listings on file,
 * judged by the ratings and compendia the plan's regime accepts ({@code rules/compendium-ratings.yaml},
 * {@code rules/compendia-accepted.yaml}). The result rides on the criteria map as extension {@code off-label-review}.
 */
package dev.recourse.criteria.offlabel;
