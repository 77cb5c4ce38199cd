class GradeError(Exception):
    """An invalid input; str(e) is the message, exit_code the CLI's exit status for it."""

    def __init__(self, message, exit_code=1):
        super().__init__(message)
        self.exit_code = exit_code
