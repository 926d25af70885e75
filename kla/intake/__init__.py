"""Staff uploads -> the project's canonical data files, or precise Indonesian problems (st-free).

Modules, in the order an upload passes through them: ``read`` (bytes -> grids: CSV or XLSX,
encoding, separator, sheets), ``recognise`` (which data file, where the header is, which column
is which), ``normalise`` (numbers, dates, yes/no, listed values), ``places`` (kelurahan names ->
codes, fuzzy proposals), ``assemble`` (a grid -> a piece of a table), ``check`` (the schema's
rules told in the user's rows and columns; confirming proposals), ``upload`` (all of it for a
set of files), ``merge`` (an accepted intake written into a data set), ``template`` (fill-in
XLSX per data file) and ``report`` (problems as XLSX).
"""

from kla.intake.check import apply_choices
from kla.intake.merge import merge_into
from kla.intake.model import MAX_UPLOAD_BYTES, Intake, PlaceProposal, Upload
from kla.intake.report import problems_xlsx
from kla.intake.template import template_xlsx
from kla.intake.upload import read_upload

__all__ = [
    "MAX_UPLOAD_BYTES",
    "Intake",
    "PlaceProposal",
    "Upload",
    "apply_choices",
    "merge_into",
    "problems_xlsx",
    "read_upload",
    "template_xlsx",
]
