"""Linked-data export of the graph: streaming RDF writers, SHACL validation, SPARQL over the export."""
