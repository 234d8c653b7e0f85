package org.practicegraph.extract;

/** How far along an initiative is, as the report's wording tells it. */
public enum Status { ESTABLISHED, PILOT, PLANNED }
