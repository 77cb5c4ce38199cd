"""gradebook: parsing, grading and reporting of weighted course grades."""
