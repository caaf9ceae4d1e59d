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
search-empty = No products match. Try other words or remove a filter.

## Footer
footer-vendors = All vendors
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
auth-error-throttled = Too many login attempts. Try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
auth-error-too-many = Too many attempts from here. Try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
auth-error-current-password = The current password is wrong.
auth-error-reset-link = This link no longer works: it was used, revoked, or is older than 24 hours. Ask the Dinas office for a new one.

## Forms
form-fix-fields = Some fields need fixing. See the message under each one.
form-error-unavailable = We cannot save right now. What you typed is kept; please try again in a moment.

## Roles
role-vendor = Vendor
role-shopper = Shopper
role-admin = Admin (market officer)
role-cashier = Cashier
role-trainer = Trainer
role-city-viewer = City viewer (read-only)
role-credit-officer = Bank NTT credit officer
role-super-admin = Super-admin

## Admin
admin-users-title = Manage users
admin-users-search = Search phone number or email
admin-users-all-roles = All roles
admin-users-found = { $count ->
    [one] 1 account
   *[other] { $count } accounts
}
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
admin-role-new = New role
admin-role-submit = Change role
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
error-too-long-title = Text too long
error-too-long-body = One of the form's fields is far longer than allowed, so nothing was saved. Go back to the form, shorten the text, and send it again.
error-bad-form-title = Form not readable
error-bad-form-body = What was sent is not a form we can read, so nothing was saved. Open the page again and send it once more.
error-bad-request-title = Invalid request
error-bad-request-body = We could not understand this request. Reload the page and try again.

## Vendor application
apply-title = My vendor application
apply-status-label = Status:
apply-status-none = Not started
apply-status-draft = Draft (not sent)
apply-status-submitted = Waiting for review
apply-status-changes-requested = Changes requested
apply-status-resubmitted = Sent again, waiting for review
apply-status-approved = Approved — you are a Pasar Purna vendor
apply-status-rejected = Rejected
apply-status-suspended = Suspended
apply-next-draft = Fill in the four steps below. Each step is saved as you go, so you can continue any time, then send the application.
apply-next-submitted = A Dinas officer will review your application, usually within a few working days. You will be notified here.
apply-next-changes = The officer asked for changes. Read the message in the history below, fix the steps asked for, then send again.
apply-next-approved = Congratulations! Your shop is visible to shoppers. Next you can list your products.
apply-next-rejected = Your application was not approved. The reason is in the history below; contact the Dinas office with any questions.
apply-next-suspended = Your shop is hidden from shoppers for now. The reason is in the history; contact the Dinas office.
apply-see-profile = See my shop page
apply-steps-title = Application steps
apply-step-business = Your business
apply-step-owner = Business owner
apply-step-returnee = Your time as a migrant worker
apply-step-identity = Identity (NIK)
apply-step-submit = Check and send
apply-step-done = done
apply-step-todo = to do
apply-go-submit = Check and send the application
apply-progress = Step { $step } of { $total }
apply-locked = The application cannot be changed now (status: { $status }).
apply-back-dashboard = ← Back to my application
apply-save-next = Save and continue
apply-business-name = Business name
apply-category = Kind of business
apply-description = What you sell
apply-description-hint = A few words about your products, e.g. "Smoked se'i pork and beef, home-made sambal lu'at".
apply-business-photo = Photo of the business or products (optional)
apply-photo-optional = A photo straight from your phone is fine (JPEG, PNG or WebP, at most 12 MB).
apply-photo-kept = A photo is saved. Choose another only to replace it.
apply-owner-name = Owner's full name
apply-owner-name-hint = As on the KTP.
apply-gender = Gender
apply-whatsapp = WhatsApp number
apply-whatsapp-hint = Shoppers and officers reach you on this number.
apply-place = Kelurahan where you live
apply-place-outside = Outside Kota Kupang
apply-outside-regency = Regency (if outside Kota Kupang)
apply-outside-regency-hint = For example Kabupaten Kupang or Timor Tengah Selatan.
apply-address = Address
apply-country = Country of your last placement
apply-country-hint = For example Malaysia, Hong Kong, Taiwan.
apply-years-abroad = Years worked abroad
apply-return-year = Year you came back to Indonesia
apply-proof = Proof of return (optional)
apply-proof-hint = A photo of your e-PMI card or a passport page. Only Dinas officers can see it, and every view is logged.
apply-proof-kept = Proof is saved. Choose another photo only to replace it.
apply-show-returnee = Show the "Purna PMI" badge and my country of placement on my shop page
apply-identity-lead = Your NIK is stored encrypted and shown only masked (like 5371********0001). Officers can open it only with a reason, which is logged.
apply-nik = NIK (the 16 digits on your KTP)
apply-nik-hint = For example: 5371 0141 0185 0003
apply-nik-kept = Your NIK is saved ({ $masked }). Type it again only to change it.
apply-nib = NIB (optional)
apply-nib-hint = The 13 digits from OSS, if your business has one.
apply-missing = Complete first:
apply-consent-lead = Before sending, read how we protect your personal data:
apply-privacy-link = Privacy notice
apply-consent = I agree to my data being processed as that privacy notice describes
apply-submit = Send application
apply-history-title = Application history
apply-by-you = by you
apply-by-dinas = by a Dinas officer
apply-event-submit = Application sent
apply-event-resubmit = Application sent again
apply-event-request-changes = Officer asked for changes
apply-event-approve = Application approved
apply-event-reject = Application rejected
apply-event-suspend = Shop suspended
apply-event-reinstate = Shop reinstated
apply-event-unknown = There is news about your application
apply-notice-submitted = Application sent. An officer will review it; news will appear on this page.
apply-notice-erasure-requested = We have received your request to erase your data.
apply-notice-started-again = A new application is ready, filled in from your last one. Check each step, add the photos and your NIK again, and send it.
apply-again-title = Apply again
apply-again-lead = You can send a new application. Your earlier application and its history stay as they are.
apply-again-button = Start a new application
apply-data-title = Your personal data
apply-data-lead = You may see all data we hold about you, including who has opened your identity data, and ask for it to be erased.
apply-data-download = Download my data (JSON)
apply-erasure-lead = Once erased, your NIK, proof photo and personal details are gone for good; your shop is no longer shown.
apply-erasure-request = Ask to erase my data
apply-erasure-requested = A Dinas officer is processing your erasure request.
apply-error-required = This field is required.
apply-error-too-long = Too long: at most { $max } characters.
apply-error-choice = Choose one of the options.
apply-error-range = Enter a number from { $min } to { $max }.
apply-error-nik-length = A NIK has 16 digits.
apply-error-nik-region = The NIK's region code (first 6 digits) is unknown. Check your KTP again.
apply-error-nik-birth-date = Digits 7 to 12 of a NIK are the birth date (for women the day plus 40). Check your KTP again.
apply-error-nik-serial = The last four digits of a NIK cannot be 0000.
apply-error-nik-taken = This NIK is already on another application. If it is yours, contact the Dinas office.
apply-error-nib = A NIB has 13 digits.
apply-error-not-an-image = This file is not a photo. Choose a JPEG, PNG or WebP photo.
apply-error-too-large = The photo is too large: at most 12 MB.
apply-error-photo-heic = The photo is in HEIC format. Convert it to JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible) or send a screenshot of it.
apply-error-photo-small = The photo is too small: its shorter side must be at least 200 pixels.
apply-error-photo-corrupt = The photo is damaged or did not arrive whole. Please send it again.
apply-error-not-editable = The application is under review or decided, so it cannot be changed now.
apply-error-consent = Tick the consent box to send the application.
apply-error-incomplete = Some steps are not complete yet.
form-choose = — Choose —
gender-female = Female
gender-male = Male
category-food = Food
category-drinks = Coffee and drinks
category-textiles = Tenun and cloth
category-crafts = Crafts
category-produce = Produce
category-services = Services
category-other = Other

## Application review (Dinas)
review-title = Vendor applications
review-detail-title = Application review
review-search = Search business or owner name
review-waiting-filter = Waiting for review
review-all = All
review-kecamatan = Kecamatan
review-found = { $count ->
    [one] 1 application
   *[other] { $count } applications
}
review-waiting = { $days ->
    [0] submitted today
    [one] waiting 1 day
   *[other] waiting { $days } days
}
review-back = ← Back to applications
review-submitted = sent
review-consent-version = Privacy notice version
review-erased = This application's personal data was erased at its owner's request.
review-open-proof = Open proof of return
review-proof-logged = Every opening of a proof is logged in your name.
review-whatsapp = Contact on WhatsApp
review-nik-title = NIK
review-nik-reason = Reason for opening the NIK
review-nik-hint = Required, at least 5 characters; logged and visible to the data's owner.
review-nik-reveal = Show full NIK
review-decide-title = Decision
review-message = Message to the applicant
review-message-hint = Required to ask for changes, reject, suspend or reinstate. Say clearly what needs fixing.
review-approve = Approve
review-request-changes = Ask for changes
review-reject = Reject
review-suspend = Suspend shop
review-reinstate = Reinstate
review-by-applicant = by the applicant
review-erasure-title = Erasure request
review-erasure-lead = The applicant asked for their personal data to be erased. NIK, photos and personal details are deleted for good; the decision history stays without personal data.
review-erasure-complete = Erase personal data now
review-error-reason = Write a message or reason for this decision.
review-error-already-decided = Another officer has already decided this application. Reload the page to see its status.
review-error-step = That decision is unknown.
review-error-reveal-reason = Write why you open the NIK (5 to 200 characters).
review-error-no-nik = This application has no NIK stored.
review-error-own-application = This is your own application. Decisions, NIK reveals and erasure must be done by another officer.
review-error-erasure-not-requested = The applicant has not asked for their data to be erased, so nothing was erased.

## Shop page
vendor-badge-purna = Purna PMI
vendor-area = Kecamatan { $area }
vendor-returnee = Once worked in { $country }.
vendor-returnee-years = Worked { $years } years in { $country }.
vendor-whatsapp = Contact on WhatsApp

## Privacy
privacy-title = Pasar Purna privacy notice
privacy-version = Version { $version }
privacy-what-title = What we collect
privacy-what = Phone number or email, business name and products, owner's name, gender, WhatsApp number, address, placement history as a migrant worker, NIK, NIB if any, and the business and proof-of-return photos you upload.
privacy-why-title = What for
privacy-why = To review and approve you as a vendor, contact you, run stalls and markets, and report on the City of Kupang's programme for returned migrant workers (Law No. 27 of 2022 on Personal Data Protection).
privacy-protect-title = How we protect it
privacy-protect = Your NIK is stored encrypted and shown only masked. Proof photos can be opened only by Dinas officers, and every opening of a NIK or photo is logged. Personal data is never public; the "Purna PMI" badge shows only if you choose.
privacy-kept-title = What stays after erasure
privacy-kept = When you ask for your data to be erased, a Dinas officer deletes your NIK, owner's name, gender, address, WhatsApp number, time working abroad, business description, shop area and all photos (business photo, shop photo and proof-of-return photo). If you were already a vendor, your shop is no longer public, but its business name, type of business, page address (for example /pelapak/v12), shop and application numbers and their dates are kept. Why: receipts and payment records, such as booth fees, must still show whom they were issued to, and the City must keep its financial records. Article 16(2) of Law No. 27 of 2022 on Personal Data Protection allows data to be kept when another regulation requires it. The log of who did what and when, such as who opened a NIK, also stays, but without your personal data.
privacy-rights-title = Your rights
privacy-rights = From your application page you can download all your data with the log of who opened it, correct it, and ask for it to be erased. If your application was rejected or your data was erased, you can apply again: what is still stored from before is filled in, but photos, NIK and consent are asked for again.
layout-apply = My application

## Products
unit-piece = each
unit-kg = per kg
unit-ons = per 100 g
unit-bottle = per bottle
unit-pack = per pack
unit-portion = per portion
unit-sheet = per piece of cloth
unit-job = per job
availability-ready = Ready to buy
availability-preorder = Made to order, ready in { $days ->
    [one] 1 day
   *[other] { $days } days
}
availability-preorder-choice = Made to order (pre-order)
availability-sold-out = Sold out
product-chat = Chat with the seller on WhatsApp
product-seller = Seller
shop-title = My products
shop-not-vendor = You can list products once your vendor application is approved and your shop is active.
shop-add = Add a product
shop-edit = Edit product
shop-empty = No products yet. Add your first product.
shop-hidden = Hidden
shop-hide = Hide
shop-show = Show
shop-name = Product name
shop-category = Category
shop-description = Description
shop-price = Price (rupiah)
shop-price-hint = Digits only, e.g. 25000 or 25.000.
shop-unit = Price per
shop-availability = Availability
shop-lead-days = Days to make
shop-lead-days-hint = Only for made-to-order products.
shop-save = Save product
shop-delete = Delete product
shop-delete-confirm-title = Delete this product?
shop-delete-confirm-body = "{ $name }" and all its photos will be deleted and cannot be brought back. To take it off the shop for a while, choose "Hide" in the product list instead.
shop-delete-confirm-yes = Yes, delete the product
shop-delete-confirm-no = Cancel, back to the product
shop-back = ← Back to my products
shop-notice-saved = Product saved.
shop-profile-title = Shop profile
shop-profile-lead = Changes to the description, WhatsApp number and kecamatan show at once. A new business name or kind of business is checked by the Dinas first; until it is approved, your shop keeps showing the old one.
shop-profile-reviewed = Changes are checked by the Dinas first.
shop-profile-kecamatan = Shop's kecamatan
shop-profile-outside = Outside Kota Kupang
shop-profile-save = Save profile
shop-profile-pending = Waiting for the Dinas: { $change }
shop-profile-photo = Shop photo
shop-profile-photo-current = Your shop's photo now
shop-profile-photo-choose = Choose a new photo (JPEG, PNG or WebP)
shop-profile-photo-save = Replace the photo
shop-error-photo-missing = Choose a photo first.
shop-notice-shop-photo = The shop photo was replaced.
shop-notice-profile = Shop profile saved.
shop-notice-profile-review = Profile saved. The new business name or kind of business waits for the Dinas; until then your shop keeps showing the old one.
shop-error-kecamatan = Choose one of Kota Kupang's kecamatan.
review-shop-change-title = Shop change waiting
review-shop-change-lead = The vendor asked for this change. The shop keeps showing the old one until you decide.
review-shop-change-name = Business name: { $from } → { $to }
review-shop-change-category = Kind of business: { $from } → { $to }
review-shop-change-reason = Reason (required to refuse)
review-shop-change-accept = Accept the change
review-shop-change-refuse = Refuse the change
review-error-shop-reason = Write why you refuse, so the vendor knows what to change.
review-error-shop-nothing = No change is waiting; another officer may have decided it already.
shop-notice-deleted = Product deleted.
shop-notice-photos = Photos saved.
shop-photos = Product photos
shop-photos-hint = JPEG, PNG or WebP from the camera or gallery, at most { $room } photos. The first photo is the cover.
shop-photos-none = No photos yet. Products with photos are seen more often.
shop-photos-full = Six photos already. Remove one to add another.
shop-photo-cover = Cover
shop-photo-make-cover = Make cover
shop-photo-earlier = ← Move
shop-photo-later = Move →
shop-photo-remove = Remove photo
shop-photo-add = Add photos
shop-photo-alt = Photo { $n }
shop-photo-preparing = Preparing photos…
shop-photo-uploading = Uploading…
photo-error-too-large = Photo { $n } is over 15 MB. Send a smaller photo.
upload-error-busy = The server is busy receiving many photos. Nothing was saved; please send it again in a minute.
photo-error-heic = Photo { $n } is HEIC. Convert it to JPEG first (on iPhone: Settings › Camera › Formats › Most Compatible) or send a screenshot.
photo-error-format = Photo { $n } is not a JPEG, PNG or WebP picture.
photo-error-polyglot = Photo { $n } contains something besides a picture and was refused for safety.
photo-error-pixels = Photo { $n } has too many pixels (over 50 megapixels).
photo-error-small = Photo { $n } is too small. The shorter side must be at least 200 pixels.
photo-error-corrupt = Photo { $n } is damaged or did not arrive whole. Try sending it again.
photo-error-too-many = At most 6 photos per product. { $room } more can be added.
photo-error-none = Choose at least one photo.
photo-error-storage = The photos cannot be saved right now. Try again in a moment.
product-share = Share
product-copy-link = Product link
product-link-copied = Link copied.
search-kecamatan = District (kecamatan)
search-all-areas = All of Kota Kupang
search-sort = Sort by
search-sort-relevance = Best match
search-sort-newest = Newest
search-sort-cheap = Lowest price
search-sort-dear = Highest price
search-min-price = Price from
search-max-price = Price up to
search-available-now = Only ready to buy
search-apply = Apply
search-found-many = More than { $count } products
search-vendors-named = Find vendors named "{ $query }"
search-found = { $count ->
    [one] 1 product
   *[other] { $count } products
}
home-categories = Categories
home-new-products = New products
layout-shop = My products
vendor-products = Products
admin-categories-title = Product categories
admin-categories-lead = Names shown in both languages, and their order on the pages. A category's address (slug) does not change.
admin-categories-name-id = Name (Bahasa Indonesia)
admin-categories-name-en = Name (English)
admin-categories-position = Order
admin-categories-save = Save
admin-categories-add = Add a category
admin-categories-slug = Address (slug)
admin-categories-slug-hint = Lowercase letters, digits and dashes, e.g. souvenirs.
admin-categories-slug-invalid = Use 2–40 lowercase letters, digits or dashes.
admin-categories-refused = The category was not saved. Check the marked fields.
admin-categories-saved = Category saved.

## Audit log
audit-title = Audit log
audit-lead = Who did what to which record, when and why. Entries can only be added, never changed or removed.
audit-filter-actor = Actor's account number
audit-filter-kind = Kind of record
audit-filter-subject = Record number
audit-filter-action = Action (starts with)
audit-filter-from = From date
audit-filter-until = Until date
audit-filter-submit = Show
audit-kind-any = Every kind
audit-kind-account = Account
audit-kind-application = Application
audit-kind-vendor = Vendor
audit-kind-product = Product
audit-kind-category = Category
audit-kind-job = System job
audit-entries = Entries
audit-empty = No entries match these filters.
audit-col-when = When
audit-col-who = Who
audit-col-what = Action
audit-col-about = Record
audit-col-why = Reason
audit-system = System
audit-pages = Log pages
audit-older = Older entries

## Erasure queue
erasure-queue-title = Data erasure requests
erasure-queue-lead = Personal data must be erased within 3 × 24 hours of the request (Personal Data Protection Law). Open the application to erase it.
erasure-queue-empty = No erasure requests are waiting.
erasure-queue-asked = Asked { $at }
erasure-queue-deadline = Due { $at }
erasure-queue-overdue = Overdue since { $at }

## Vendor directory
directory-title = Pasar Purna vendors
directory-lead = Businesses of returned migrant workers in Kupang. Search by business name, then contact the vendor on WhatsApp.
directory-search = Search vendor names
directory-count = { $count ->
    [one] 1 vendor
   *[other] { $count } vendors
}
directory-found = { $count ->
    [one] 1 vendor matches
   *[other] { $count } vendors match
} "{ $query }"
directory-empty = No vendor has that name yet.
directory-try-products = Search products with that word
directory-products = { $count ->
    [one] 1 product
   *[other] { $count } products
}
directory-pages = Vendor pages

## Notices (/notifikasi, the header badge, and their mail)
notices-title = Notices
notices-none = No notices yet.
notices-mark-read = Mark all as read
notices-see-all = See all notices
notices-badge = { $count ->
    [one] 1 unread notice
   *[other] { $count } unread notices
}
notice-new = New
notice-approved = Application approved: your shop is open
notice-changes-requested = An officer asked for changes to your application
notice-rejected = Application rejected
notice-suspended = Shop suspended
notice-reinstated = Shop reinstated
notice-shop-change-accepted = The Dinas approved your shop's new name or kind of business
notice-shop-change-refused = The Dinas did not approve your shop's new name or kind of business
notice-unknown = There is news for you
notice-open-application = Open the application
notice-open-shop = Open your shop
notice-open-notices = Open notices
notice-mail-words = The officer's note:
notice-mail-open = Open:
notice-mail-footer = This message was sent by Pasar Purna, Kota Kupang. All notices are on the Notices page once you log in.
