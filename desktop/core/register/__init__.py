"""The application register (依申请公开登记台账) and the register of review and litigation cases: what
their columns mean, how their words map to table 三 and 四, and the tables they give. Qt-free, and free of
file formats: desktop/io/register_read.py turns a sheet into the RawSheet these modules read."""
