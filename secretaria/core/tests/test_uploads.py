"""Files whose name is not UTF-8 reach the upload code under a sanitized name."""

from secretaria.core.uploads import readable_disposition


def test_a_latin1_file_name_is_read_with_underscores_for_the_bytes_that_are_not_utf8():
    line = b'Content-Disposition: form-data; name="file"; filename="Inf\xf3rme.pdf"'
    assert readable_disposition(line) == b'Content-Disposition: form-data; name="file"; filename="Inf_rme.pdf"'


def test_a_utf8_line_is_left_as_it_is():
    line = 'Content-Disposition: form-data; name="file"; filename="Informe ñandú.pdf"'.encode()
    assert readable_disposition(line) is line


def test_a_file_name_in_an_unknown_charset_keeps_the_plain_name_or_gets_a_generic_one():
    both = b'Content-Disposition: form-data; name="file"; filename="a.pdf"; filename*=x-klingon\'\'b.pdf'
    assert readable_disposition(both) == b'Content-Disposition: form-data; name="file"; filename="a.pdf"'
    only = b"Content-Disposition: form-data; name=\"file\"; filename*=x-klingon''b.pdf"
    assert readable_disposition(only) == b'Content-Disposition: form-data; name="file"; filename="file"'
