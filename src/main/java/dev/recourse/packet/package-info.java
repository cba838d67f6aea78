/**
 * The packet ({@code Task/[id]/$assemble}): the case's denial, criteria map, signed letter and evidence as a
 * RecoursePacket — a PAS request Bundle whose first entry is the appeal or exception request Claim, with every
 * resource it relies on inside — validated before it is returned.
 */
package dev.recourse.packet;
