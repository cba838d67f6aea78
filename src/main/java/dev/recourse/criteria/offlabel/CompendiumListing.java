package dev.recourse.criteria.offlabel;

import java.util.Optional;

/** A compendium-listing evidence document on file, with the rating code recorded on it (if any). */
record CompendiumListing(String document, Optional<String> rating) {
}
