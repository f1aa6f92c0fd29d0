from everydoor.languages.templatetags.bidi import isolate_numbers


def test_grouped_phone_numbers_keep_their_order_in_right_to_left_text():
    assert isolate_numbers("اتصل بالرقم 116 123") == "اتصل بالرقم \u2066116 123\u2069"


def test_iso_dates_keep_their_order_in_right_to_left_text():
    assert isolate_numbers("2026-11-21") == "\u20662026-11-21\u2069"


def test_single_numbers_are_left_alone():
    assert isolate_numbers("Call 999") == "Call 999"
