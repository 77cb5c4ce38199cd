(display "before") (newline)
(display undefined-variable)
(display "after")
