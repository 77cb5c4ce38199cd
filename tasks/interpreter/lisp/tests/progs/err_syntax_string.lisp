(display "never printed")
(display "unterminated)
