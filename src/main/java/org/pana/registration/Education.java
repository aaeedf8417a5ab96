package org.pana.registration;

/** Highest level of education completed, as declared. */
public enum Education {
    NONE, INFORMAL, PRIMARY, SECONDARY, VOCATIONAL, UNIVERSITY, POSTGRADUATE, UNKNOWN
}
