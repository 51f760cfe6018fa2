"""Transcript readers: one small module per format, mapped to file extensions by an explicit registry.

A reader turns the bytes of one file into a `RawDocument` (metadata fields found in the file, possibly
partial, plus speaker turns). Validation of metadata and assembly of `Transcript` records happen in
`interviews.metadata` and `interviews.corpus`. Import the registry from `interviews.readers.registry`;
this package module deliberately imports nothing, so `interviews.metadata` can use its `errors` and
`base` modules without an import cycle.
"""
