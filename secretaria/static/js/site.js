// Secretaría Virtual
