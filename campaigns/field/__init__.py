"""The day of an event: recording it, its photos and evidence, the printed sheet with
its QR codes, the write-up."""
