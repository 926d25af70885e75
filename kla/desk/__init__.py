"""The staff data desk's own logic (st-free): one-row entries, downloads of a stored version.

The store (:mod:`kla.store`) keeps versions; the intake (:mod:`kla.intake`) reads uploads; this
package holds the small pieces the staff pages need between them.
"""
