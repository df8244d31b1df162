"""Downloads made from the validated package besides its own CSVs: HXL-tagged CSVs, an XLSX workbook,
a static JSON API, citations and an Atom feed.

Every function here returns bytes, text or {relative path: bytes} and writes nothing: the build
decides where the files go. Output depends only on the arguments (dates come in, never from the
clock), so the same package gives the same bytes.
"""
