from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(label="The 6-digit code from your authenticator app", max_length=10,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))
