"""A county office's review of the reports it received: each report's findings, its publication deadline,
its repetition of last year's report and the deductions of a scoring file. Qt-free and io-free: the files
are read by desktop/io/review_run.py, which hands over the ``ReportReview`` of each."""
