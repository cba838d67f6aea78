/**
 * Evidence: every fact an appeal letter relies on is a RecourseEvidence DocumentReference with its type and
 * {@code context.related} → the chart resources it comes from. {@link dev.recourse.evidence.AttachmentGuard}
 * checks every attachment a client sends (content type, size, hash, and that the bytes are what the type
 * says); {@link dev.recourse.evidence.EvidenceDocuments} turns a criteria map's evidence references into
 * evidence documents, the source kind → evidence type table being data ({@code rules/evidence-sources.yaml}).
 */
package dev.recourse.evidence;
