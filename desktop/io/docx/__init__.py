"""The Word writer's parts: page and styles (GB/T 9704), and the official tables from the table spec.

python-docx is imported inside functions only, so that loading this package costs nothing until a
document is written.
"""
