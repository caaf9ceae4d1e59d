# Pasar Purna — English. Every key here must also be in ../id/main.ftl.

## Layout
layout-skip-to-content = Skip to content
layout-nav-label = Main menu
layout-account = Log in
layout-my-account = Account
layout-language = Choose language

## Search
search-label = Search products or vendors
search-placeholder = Search ikat weaving, se'i, coffee…
search-submit = Search
search-clear = Clear search
search-title = Search products
search-results-for = Search results for “{ $query }”
search-description = Search products of Kupang's returned migrant workers' businesses: food, ikat weaving, crafts, coffee and produce, straight from the vendors.
search-empty = No products are listed yet. Returnee vendors are setting up their stalls — come back soon.

## Footer
footer-tagline = the online market of returned Indonesian migrant workers' businesses in Kupang
footer-operator = Run by the City of Kupang together with returnee small businesses.
footer-time-note = All times are WITA (UTC+8).

## Home
home-title = Pasar Purna — businesses of Kupang's returned migrant workers
home-description = Shop from small businesses of Kupang's returned migrant workers: ikat weaving, se'i, coffee, wild honey and more. Find vendors at the container booths and the SABOAK market.
home-hero-title = Made by Kupang's returned migrant workers
home-hero-lead = They came home with experience and started businesses. Find their products, visit their stalls at SABOAK every weekend, and contact them directly on WhatsApp.
home-browse = Browse products
home-become-vendor = Become a vendor
home-wilayah-title = Vendors from all over Kupang
home-wilayah-lead = Six districts (kecamatan), fifty-one neighbourhoods (kelurahan).
home-kelurahan-count = { $count } kelurahan
home-saboak-open = SABOAK is open this weekend
home-saboak-next = Next SABOAK market
home-saboak-place = Sunday Market Buat Orang Kupang at Taman Nostalgia, Saturday and Sunday.


## Account
account-title = My account
account-login = Phone number or email
account-role = Role
account-notice-registered = Your account has been created and you are logged in.
account-notice-password-changed = Password changed. Other devices using this account have been logged out.
account-password-title = Change password
account-password-lead = After the change, every other device using this account is logged out.
account-current-password = Current password
account-password-submit = Save new password
account-sessions-title = Devices logged in
account-session-current = This device
account-session-seen = Last active { $when }
account-device-unknown = Unknown device
account-logout-everywhere-lead = A device you do not recognise, or a lost phone? Log out all devices at once.
account-logout-everywhere = Log out everywhere

## Log in and register
auth-login-title = Log in
auth-login-label = Phone number or email
auth-login-hint = For example 0812-3456-7890 or name@example.id
auth-password-label = Password
auth-new-password-label = New password
auth-password-hint = { $min } to { $max } characters. Avoid easy guesses such as 12345678.
auth-login-submit = Log in
auth-login-link = Log in here
auth-forgot-link = Forgot your password?
auth-no-account = No account yet?
auth-register-link = Register now
auth-register-title = Create an account
auth-register-lead = Just a phone number (or email) and a password. With an account you can apply to become a vendor.
auth-register-submit = Create account
auth-have-account = Already have an account?
auth-logout = Log out
auth-notice-logged-out = You are logged out.
auth-notice-logged-out-everywhere = You are logged out on every device.
auth-notice-password-reset = Your new password is saved. Please log in with it.
auth-forgot-title = Forgot password
auth-forgot-office = Come to the market office of the Dinas. Staff will give you a one-time link (valid for 24 hours) to set a new password.
auth-forgot-bring = Bring the phone with the number you registered, so staff can confirm the account is yours.
auth-forgot-email-lead = Does your account use an email address? We will send you a link to set a new password.
auth-forgot-email-label = Your account's email address
auth-forgot-email-submit = Send link
auth-forgot-or-office = Does your account use a phone number?
auth-notice-reset-mailed = If an account has that email address, we have sent it a link. Check your inbox (and spam folder) in a few minutes; the link is valid for 24 hours.
auth-error-email-reset-off = Reset links by email are not available yet. Please come to the Dinas office.
mail-reset-subject = Pasar Purna: set a new password
mail-reset-body = Someone (hopefully you) asked for a link to set a new password on Pasar Purna. Open this link within 24 hours; it works only once:
mail-reset-footer = If you did not ask for it, ignore this email: your password has not changed.
auth-reset-title = Set a new password
auth-reset-lead = This link works once. Once the new password is saved, every device logged in with this account is logged out.
auth-reset-submit = Save password
auth-error-login-empty = Enter your phone number or email.
auth-error-email-invalid = This email address is incomplete. For example: name@example.id
auth-error-phone-not-mobile = This is not an Indonesian mobile number. Mobile numbers start with 08, 628 or +628.
auth-error-phone-length = The number has the wrong number of digits. Indonesian mobile numbers have 10 to 13 digits, like 0812-3456-7890.
auth-error-phone-characters = A phone number may only contain digits (spaces, dashes and + are fine).
auth-error-login-long = This is too long for a phone number or email.
auth-error-login-taken = This number or email is already registered. Log in instead, or use another number.
auth-error-password-short = Password too short: at least 8 characters.
auth-error-password-long = Password too long: at most 128 characters.
auth-error-password-common = This password is too common and easy to guess. Choose another, for example a few words together.
auth-error-credentials = Wrong phone number/email or password.
auth-error-throttled = Too many login attempts. Try again in { $minutes } minutes.
auth-error-current-password = The current password is wrong.
auth-error-reset-link = This link no longer works: it was used, revoked, or is older than 24 hours. Ask the Dinas office for a new one.

## Forms
form-fix-fields = Some fields need fixing. See the message under each one.
form-error-unavailable = We cannot save right now. What you typed is kept; please try again in a moment.

## Roles
role-shopper = Shopper
role-admin = Admin
role-super-admin = Super-admin

## Admin
admin-users-title = Manage users
admin-users-search = Search phone number or email
admin-users-all-roles = All roles
admin-users-found = { $count } accounts
admin-users-registered = registered { $date }
admin-users-pages = Account list pages
admin-users-previous = ← Previous
admin-users-next = Next →
admin-users-back = ← Back to the user list
admin-user-title = User account
admin-not-allowed = You cannot change this account: only a higher role may.
admin-reset-title = Password reset link
admin-reset-lead = For a user who comes to the office having forgotten their password. The link is valid for 24 hours and works once; older links are revoked.
admin-reset-issue = Create a new link
admin-reset-issued = Link created. Give it to the user directly; it will not be shown again.
admin-reset-issued-hint = Copy or show the link above. Never send it to any number but the user's own.
admin-reset-pending = An unused link is waiting, valid until { $until }.
admin-reset-revoke = Revoke link
admin-role-title = Role
admin-role-promote = Make admin
admin-role-demote = Make shopper (remove admin)
admin-role-reason = Reason (kept in the audit log)
admin-role-invalid = That role cannot be given here.
admin-role-reason-long = Reason too long: at most 200 characters.

## Errors
error-unavailable-title = Service temporarily unavailable
error-unavailable-body = We cannot load the data right now. Your data is safe; please try again in a moment.
error-not-found-title = Page not found
error-not-found-body = This address does not exist or has moved. Check the link, or start from the home page.
error-internal-title = Something went wrong
error-internal-body = Something broke on our side and it has been logged. Please try again.
error-unknown-language = That language is not available. Choose Bahasa Indonesia or English.
error-back-home = Back to the home page
error-cross-site-title = Request refused
error-cross-site-body = This form was not sent from Pasar Purna, so we did not process it, to keep your account safe. Open Pasar Purna directly and try again.
error-unauthorized-title = Please log in first
error-unauthorized-body = This page is only for users who are logged in.
error-forbidden-title = Not allowed
error-forbidden-body = Your account has no access to this page. If you think this is a mistake, contact the Dinas office.
